using System.Text.RegularExpressions;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>Runs `dotnet test` on the samples as a user would, and checks what the user gets: outcomes, messages and attached files, from the TRX report.</summary>
public sealed partial class SampleEndToEndTests(SampleBuilds samples) : IClassFixture<SampleBuilds>
{
    private const string Navigation = "MultiNode.Tests.NavigationTests.Navigation";
    private const string Calibration = "FailingExperience.Tests.CalibrationTests";

    private static readonly string[] EveryProfileAttaches =
        ["experience-planner-container.log", "experience-controller-container.log", "experience-orchestrator-container.log", "outputs_result.json"];

    [Fact]
    public async Task Listing_the_MultiNode_sample_shows_one_entry_per_profile()
    {
        var (exitCode, output) = await samples.ListAsync("MultiNode", TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{Navigation}(profile: \"sim\")", output);
        Assert.Contains($"{Navigation}(profile: \"hil\")", output);
        Assert.Contains("MultiNode.Tests.NavigationTests.Parking(profile: \"sim\")", output);
        Assert.Contains("Discovered 3 tests", output);
    }

    [RequiresEngine]
    [Fact]
    public async Task The_MultiNode_sample_passes_every_case_attaches_every_log_and_leaves_nothing_on_Docker_R19_R21_R23()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);

        var (exitCode, output, results) = await samples.TestAsync("MultiNode", [], TestContext.Current.CancellationToken);

        var trx = Trx.Load(results);
        Assert.True(exitCode == 0, output);
        Assert.Equal(3, trx.Results.Count);
        Assert.All(trx.Results, r => Assert.True(r.Outcome == "Passed", $"{r.TestName}: {r.Outcome}\n{r.Message}\n{r.StdOut}"));
        var sim = trx[$"{Navigation}(profile: \"sim\")"];
        var hil = trx[$"{Navigation}(profile: \"hil\")"];
        Assert.All(trx.Results, r =>
        {
            foreach (var name in EveryProfileAttaches)
            {
                Assert.True(HasAttachment(r, name), $"{r.TestName} has no {name} among {string.Join(", ", r.Files)}");
            }
        });
        Assert.True(HasAttachment(sim, "experience-simulator-container.log"));
        Assert.False(HasAttachment(sim, "experience-hw-bridge-container.log"));
        Assert.True(HasAttachment(hil, "experience-hw-bridge-container.log"));
        Assert.Contains("[orchestrator] orchestrator: all nodes answered", sim.StdOut);
        Assert.Contains("(at most 2 at once, from \"resimMaxParallelExperiences\" in ", sim.StdOut);
        Assert.Contains("orchestrator: all nodes answered", File.ReadAllText(Attached(results, "experience-orchestrator-container.log.txt").First()));
        foreach (var runId in RunIds(trx))
        {
            Assert.Equal(string.Empty, await DockerEngine.ObjectsOfRunAsync(runId, TestContext.Current.CancellationToken));
        }
    }

    [RequiresEngine]
    [Fact]
    public async Task The_failing_sample_fails_with_the_platform_reason_and_its_logs_attached_R16_R20()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);

        var (exitCode, output, results) = await samples.TestAsync(
            "FailingExperience", ["--explicit", "only", "--filter-method", "*Sensor_is_calibrated"], TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        var result = Trx.Load(results)[$"{Calibration}.Sensor_is_calibrated"];
        Assert.True(result.Outcome == "Failed", output);
        Assert.Contains("orchestrator", result.Message);
        Assert.Contains("3", result.Message);
        Assert.Contains("calibration off by 12 cm (limit 5 cm)", result.Message);
        Assert.True(HasAttachment(result, "experience-orchestrator-container.log"), string.Join(", ", result.Files));
        Assert.True(HasAttachment(result, "experience-sensor-container.log"), string.Join(", ", result.Files));
        Assert.Contains("[orchestrator] orchestrator: sensor offset is 12 cm", result.StdOut);
    }

    [RequiresEngine]
    [Fact]
    public async Task A_rerun_into_the_same_results_directory_attaches_only_its_own_files_and_removes_the_earlier_runs()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);
        string[] arguments = ["--explicit", "only", "--filter-method", "*Sensor_is_calibrated"];
        var (_, firstOutput, results) = await samples.TestAsync("FailingExperience", arguments, TestContext.Current.CancellationToken);
        // The platform writes a test's attachments to <results>/<test unique ID>/; the TRX report keeps copies of its own elsewhere.
        var folder = Attached(results, "experience-orchestrator-container.log.txt").Select(Path.GetDirectoryName).OfType<string>()
            .Single(f => Path.GetDirectoryName(f) == results && Path.GetFileName(f).Length == 64);
        File.WriteAllText(Path.Combine(folder, "outputs_from_an_earlier_run.txt"), "stale");
        foreach (var trx in Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories))
        {
            File.Delete(trx);
        }

        var (_, output, _) = await samples.TestAsync("FailingExperience", arguments, TestContext.Current.CancellationToken, results);

        Assert.False(File.Exists(Path.Combine(folder, "outputs_from_an_earlier_run.txt")), firstOutput + output);
        var result = Trx.Load(results)[$"{Calibration}.Sensor_is_calibrated"];
        Assert.Contains($"ReSim: removed 7 attachment file(s) an earlier run of this test left in {folder}: ", result.StdOut);
        Assert.Equal(
            ["experience-orchestrator-container.log.txt", "experience-sensor-container.log.txt", "metrics.csv", "report.html", "resource_metrics.resim.jsonl.txt", "timeline.jsonl.txt"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [RequiresEngine]
    [Fact]
    public async Task An_experience_past_its_timeout_fails_as_timed_out_and_is_stopped_R18_R19()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);

        var (_, output, results) = await samples.TestAsync(
            "FailingExperience", ["--explicit", "only", "--filter-method", "*Orchestrator_finishes_in_time"], TestContext.Current.CancellationToken);

        var result = Trx.Load(results)[$"{Calibration}.Orchestrator_finishes_in_time"];
        Assert.True(result.Outcome == "Failed", output);
        Assert.Contains("timed out", result.Message);
        Assert.Contains("stuck-orchestrator", result.Message);
        Assert.Equal(string.Empty, await DockerEngine.ObjectsOfServiceAsync("stuck-node", TestContext.Current.CancellationToken));
    }

    [RequiresEngine]
    [Fact]
    public async Task The_test_s_own_timeout_tears_the_experience_down_before_the_test_ends_R19()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);

        var (_, output, results) = await samples.TestAsync(
            "FailingExperience", ["--explicit", "only", "--filter-method", "*Stops_within_the_test_timeout"], TestContext.Current.CancellationToken);

        var result = Trx.Load(results)[$"{Calibration}.Stops_within_the_test_timeout"];
        Assert.True(result.Outcome is "Failed" or "Timeout", output);
        Assert.Contains("timed out after 2000 milliseconds", result.Message);
        Assert.Equal(string.Empty, await DockerEngine.ObjectsOfServiceAsync("stuck-node", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_invalid_compose_file_fails_before_any_container_listing_each_error_with_file_and_line_R3()
    {
        var (exitCode, output, results) = await samples.TestAsync(
            "FailingExperience", ["--explicit", "only", "--filter-method", "*Compose_file_is_valid"], TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        var result = Trx.Load(results)[$"{Calibration}.Compose_file_is_valid"];
        Assert.True(result.Outcome == "Failed", output);
        Assert.Contains("no container was started", result.Message);
        Assert.Matches(@"invalid\.yml\(\d+,\d+\): error RSIM\d{3}: ", result.Message);
        Assert.Empty(result.Files);
    }

    [Fact]
    public async Task The_failing_sample_is_kept_out_of_a_plain_run()
    {
        var (exitCode, output, results) = await samples.TestAsync("FailingExperience", [], TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        Assert.All(Trx.Load(results).Results, r => Assert.Equal("NotExecuted", r.Outcome));
    }

    // xUnit gives an attachment's file the extension of its media type: a log attached as text/plain is NAME.log.txt.
    private static bool HasAttachment(Trx.Result result, string name) =>
        result.Files.Any(f => f == name || f.StartsWith(name + ".", StringComparison.Ordinal));

    private static IEnumerable<string> Attached(string results, string name) =>
        Directory.EnumerateFiles(results, name, SearchOption.AllDirectories);

    private static IEnumerable<string> RunIds(Trx trx) =>
        trx.Results.SelectMany(r => RunIdPattern().Matches(r.StdOut).Select(m => m.Groups[1].Value)).Distinct();

    [GeneratedRegex(@"Results of run (\S+): ")]
    private static partial Regex RunIdPattern();
}
