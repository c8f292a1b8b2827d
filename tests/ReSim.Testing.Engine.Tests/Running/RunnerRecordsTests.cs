using System.Text.Json;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>What a run leaves: logs (R21), metrics (R22), timeline and outputs (R23), and the live callbacks.</summary>
public sealed class RunnerRecordsTests : IAsyncLifetime
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task Each_service_log_holds_every_start_under_a_numbered_header_with_the_restart_reason_R21()
    {
        scenario.Runtime
            .Script("robot", StartScript.Run.Print("first run").PrintError("boom").Exit(1), StartScript.Run.Print("second run"))
            .Script("test", StartScript.Run.Wait(200).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 1)));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        var lines = scenario.Log("robot").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("=== start 1 ===", lines[0]);
        Assert.Equal(["first run", "boom"], lines[1..3]);
        Assert.StartsWith("=== start 2 (restart: exited with code 1; restart policy on-failure:1 (restart 1 of 1) (R17); restarted at once) ===", lines[3], StringComparison.Ordinal);
        Assert.Equal("second run", lines[4]);
        Assert.Equal(Path.Combine(scenario.ResultsDirectory, "experience-robot-container.log"), result.Services.Single(s => s.Name == "robot").LogFile);
    }

    [Fact]
    public async Task Lines_of_a_container_that_exits_at_once_are_all_in_its_log_even_when_the_log_stream_lags_R21()
    {
        scenario.Runtime.LogDelivery = TimeSpan.FromMilliseconds(5);
        var lines = Enumerable.Range(1, 40).Select(i => $"quick {i}").ToArray();
        scenario.Runtime.Script("test", StartScript.Run.Print(lines).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal(["=== start 1 ===", .. lines], scenario.Log("test").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Live_lines_reach_the_observer_with_their_service_and_stream_R21()
    {
        scenario.Runtime.Script("test", StartScript.Run.Print("out").PrintError("err").Exit(0));

        await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal([("test", OutputChannel.StdOut, "out"), ("test", OutputChannel.StdErr, "err")], scenario.Observer.Lines);
    }

    [Fact]
    public async Task The_timeline_file_records_every_state_change_with_timestamps_and_the_observer_sees_each_R23()
    {
        scenario.Runtime
            .Script("robot", StartScript.Run.Exit(1), StartScript.Run.Healthy())
            .Script("test", StartScript.Run.Wait(150).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.Always)));

        var entries = File.ReadAllLines(result.TimelineFile!).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var kinds = entries.Select(e => (e.GetProperty("service").GetString(), e.GetProperty("kind").GetString())).ToList();
        Assert.Contains(("robot", "created"), kinds);
        Assert.Contains(("robot", "started"), kinds);
        Assert.Contains(("robot", "exited"), kinds);
        Assert.Contains(("robot", "restarted"), kinds);
        Assert.Contains(("robot", "healthy"), kinds);
        Assert.Contains(("robot", "stopped"), kinds);
        Assert.Contains(("test", "exited"), kinds);
        Assert.Equal((null, "removed"), kinds[^1]);
        Assert.Single(kinds, k => k.Item2 == "verdict");
        Assert.All(entries, e => Assert.True(e.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(entries.Count, scenario.Observer.Changes.Count);
        Assert.Equal("exit code 1", entries.First(e => e.GetProperty("kind").GetString() == "exited").GetProperty("detail").GetString());
        var times = entries.Select(e => e.GetProperty("time").GetDateTimeOffset()).ToList();
        var verdict = kinds.FindIndex(k => k.Item2 == "verdict");
        Assert.True(times[verdict] >= times[verdict - 1], "the verdict is stamped when it was reached, at or after the exit that decided it");
    }

    [Fact]
    public async Task CPU_and_memory_are_sampled_into_CSV_and_JSON_lines_and_summarised_per_service_and_start_R22()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(300).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        var rows = File.ReadAllLines(result.MetricsFile!);
        Assert.Equal("time,elapsed_seconds,service,start,container,cpu_percent,memory_bytes", rows[0]);
        var robotRows = rows.Skip(1).Select(r => r.Split(',')).Where(r => r[2] == "robot").ToList();
        Assert.Equal(string.Empty, robotRows[0][5]);
        Assert.All(robotRows.Skip(1), r => Assert.Equal(12.5, double.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture), 1));
        Assert.All(robotRows, r => Assert.Equal(("1", "6291456"), (r[3], r[6])));
        var json = File.ReadAllLines(result.ResourceMetricsFile!).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(rows.Length - 1, json.Count);
        var first = json.First(j => j.GetProperty("service").GetString() == "robot");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("cpu").ValueKind);
        Assert.Equal(6_291_456L, first.GetProperty("memory").GetInt64());
        Assert.Equal(robotRows[0][4], first.GetProperty("container").GetString());
        var service = result.Services.Single(s => s.Name == "robot");
        var robot = service.Resources;
        Assert.Equal(robotRows.Count, robot.Samples);
        Assert.True(robot.Samples >= 3, $"only {robot.Samples} samples in 300 ms at 25 ms");
        Assert.Equal((6_291_456L, 6_291_456L), (robot.PeakMemoryBytes, robot.MeanMemoryBytes));
        Assert.Equal(12.5, robot.MeanCpuPercent!.Value, 1);
        Assert.Equal(12.5, robot.PeakCpuPercent!.Value, 1);
        Assert.Equal([robot], service.ResourcesPerStart);
    }

    [Fact]
    public async Task A_service_that_lives_less_than_one_metrics_interval_has_a_first_and_a_last_sample_R22()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(600).Exit(0));

        var result = await scenario.RunAsync(scenario.Experience(Orchestrator("test"), Service("robot")).WithSettings(s => s with { MetricsInterval = TimeSpan.FromSeconds(30) }), TestContext.Current.CancellationToken);

        var test = result.Services.Single(s => s.Name == "test").Resources;
        Assert.Equal(2, test.Samples);
        Assert.Equal(5_242_880L, test.PeakMemoryBytes);
        Assert.Equal(12.5, test.MeanCpuPercent!.Value, 1);
    }

    [Fact]
    public async Task A_service_still_running_at_a_verdict_sooner_than_one_poll_has_a_last_sample_then_and_its_CPU_R22()
    {
        // The verdict comes 80 ms after the start, before the sampler's next 100 ms poll: the last row is read at the end.
        scenario.Runtime.Script("test", StartScript.Run.Wait(80).Exit(0));

        var result = await scenario.RunAsync(scenario.Experience(Orchestrator("test"), Service("robot")).WithSettings(s => s with { MetricsInterval = TimeSpan.FromSeconds(30) }), TestContext.Current.CancellationToken);

        var robot = result.Services.Single(s => s.Name == "robot").Resources;
        Assert.Equal(2, robot.Samples);
        Assert.Equal(12.5, robot.MeanCpuPercent!.Value, 1);
    }

    [Fact]
    public async Task Each_start_has_its_own_summary_and_no_start_has_an_invented_first_CPU_reading_R22()
    {
        scenario.Runtime
            .Script("robot", StartScript.Run.Wait(250).Exit(1), StartScript.Run)
            .Script("test", StartScript.Run.Wait(700).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 1)));

        var robot = result.Services.Single(s => s.Name == "robot");
        Assert.Equal(2, robot.ResourcesPerStart.Length);
        Assert.Equal(12.5, robot.ResourcesPerStart[0].MeanCpuPercent!.Value, 1);
        Assert.Equal(25, robot.ResourcesPerStart[1].MeanCpuPercent!.Value, 1);
        Assert.Equal(robot.Resources.Samples, robot.ResourcesPerStart.Sum(s => s.Samples));
        var rows = File.ReadAllLines(result.MetricsFile!).Skip(1).Select(r => r.Split(',')).Where(r => r[2] == "robot").ToList();
        Assert.Equal(2, rows.Count(r => r[5].Length == 0));
        Assert.Equal(string.Empty, rows.First(r => r[3] == "2")[5]);
    }

    [Fact]
    public async Task A_metrics_interval_of_zero_turns_sampling_off_R22()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(200).Exit(0));

        var result = await scenario.RunAsync(scenario.Experience(Orchestrator("test")).WithSettings(s => s with { MetricsInterval = TimeSpan.Zero }), TestContext.Current.CancellationToken);

        Assert.Equal(["time,elapsed_seconds,service,start,container,cpu_percent,memory_bytes"], File.ReadAllLines(result.MetricsFile!));
        Assert.Equal(ResourceSummary.Empty, result.Services.Single().Resources);
    }

    [Fact]
    public async Task The_outputs_folder_is_in_the_results_folder_and_kept_R23()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(Path.Combine(scenario.ResultsDirectory, "outputs"), result.OutputsDirectory);
        Assert.True(Directory.Exists(result.OutputsDirectory));
        Assert.Equal(scenario.ResultsDirectory, result.ResultsDirectory);
    }

    [Fact]
    public async Task What_the_engine_cannot_do_is_in_the_result_as_a_warning_and_the_verdict_stands()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        scenario.Runtime.Limitations = ["This engine ignores the resource limits of `deploy.resources` (R13)."];

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal(["This engine ignores the resource limits of `deploy.resources` (R13)."], result.Warnings);
    }

    [Fact]
    public async Task Without_a_results_folder_a_new_one_is_made_under_the_temp_folder_named_after_the_run()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(scenario.Experience(Orchestrator("test")).WithSettings(s => s with { ResultsDirectory = null }), TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(Path.Combine(Path.GetTempPath(), "resim-testing-" + Environment.UserName, result.RunId), result.ResultsDirectory);
            Assert.True(File.Exists(Path.Combine(result.ResultsDirectory, "experience-test-container.log")));
        }
        finally
        {
            Directory.Delete(result.ResultsDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_summary_table_has_a_row_per_service_with_exit_codes_and_restarts()
    {
        scenario.Runtime
            .Script("robot", StartScript.Run.Exit(1), StartScript.Run)
            .Script("test", StartScript.Run.Wait(100).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.Always)));

        var table = result.ToSummaryTable().Split(Environment.NewLine);
        Assert.StartsWith("Passed in ", table[0], StringComparison.Ordinal);
        Assert.Matches(@"^service\s+role\s+exit codes\s+restarts\s+health\s+peak memory\s+mean cpu$", table[1]);
        Assert.Matches(@"^test\s+orchestrator\s+0\s+0\s", table[2]);
        Assert.Matches(@"^robot\s+service\s+1,stopped\s+1\s", table[3]);
        Assert.Equal(4, table.Length);
    }

    [Fact]
    public async Task The_summary_names_each_container_that_ran_without_a_sample_instead_of_a_bare_dash_R22()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        var experience = scenario.Experience(Orchestrator("test"), Service("idle")).WithSettings(s => s with { MetricsInterval = TimeSpan.Zero });

        var result = await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        var table = result.ToSummaryTable().Split(Environment.NewLine);
        Assert.Matches(@"^test\s+orchestrator\s+0\s+0\s+-\s+-\s+-$", table[2]);
        Assert.Equal("No CPU or memory sample of test, idle: the container ran too briefly to be read (a few tens of milliseconds on a busy machine), or sampling is off (R22).", table[^1]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
