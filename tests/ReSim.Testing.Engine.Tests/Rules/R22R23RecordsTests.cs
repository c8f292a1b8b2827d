using System.Text.Json;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R22 and R23 on the real engine: CPU and memory samples with a summary, the timeline of state changes, the outputs kept.</summary>
[RequiresEngine]
public sealed class R22R23RecordsTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_service_running_for_seconds_has_samples_in_the_metrics_file_and_a_summary_R22()
    {
        // The robot keeps a fifth of a CPU busy for the whole run.
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "4.5"]
              robot:
                image: {{TestEngine.Image}}
                deploy: { resources: { limits: { cpus: "0.2" } } }
                command: ["sh", "-c", "while true; do :; done"]
            """).WithSettings(s => s with { MetricsInterval = TimeSpan.FromMilliseconds(500) });

        var result = await engine.RunAsync(experience);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var rows = File.ReadAllLines(result.MetricsFile!);
        Assert.Equal("time,elapsed_seconds,service,start,container,cpu_percent,memory_bytes", rows[0]);
        var robotRows = rows.Skip(1).Select(r => r.Split(',')).Where(r => r[2] == "robot").ToList();
        var robot = RealEngine.Service(result, "robot").Resources;
        Assert.True(robot.Samples >= 2, $"{robot.Samples} samples of the robot");
        Assert.Equal(robot.Samples, robotRows.Count);
        Assert.True(robot.PeakMemoryBytes > 0);
        Assert.True(robot.PeakCpuPercent > 0, $"peak CPU {robot.PeakCpuPercent}");
        Assert.Equal(robot.Samples, File.ReadAllLines(result.ResourceMetricsFile!).Length - rows.Skip(1).Count(r => r.Split(',')[2] != "robot"));
        Assert.Contains("robot", result.ToSummaryTable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_records_starts_exits_restarts_and_the_verdict_in_time_order_and_the_outputs_are_kept_R23()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "while [ ! -f /tmp/resim/outputs/restarted ]; do sleep 0.1; done; echo report > /tmp/resim/outputs/report.txt"]
              robot:
                image: {{TestEngine.Image}}
                restart: on-failure
                command: ["sh", "-c", "[ -f /tmp/again ] && touch /tmp/resim/outputs/restarted && sleep 30; touch /tmp/again; exit 1"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var entries = File.ReadAllLines(result.TimelineFile!).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        string? Service(JsonElement e) => e.GetProperty("service").GetString();
        var kinds = entries.Select(e => (Service(e), e.GetProperty("kind").GetString())).ToList();
        Assert.Contains(("test", "started"), kinds);
        Assert.Contains(("test", "exited"), kinds);
        Assert.Contains(("robot", "exited"), kinds);
        Assert.Contains(("robot", "restarted"), kinds);
        Assert.Contains(("robot", "stopped"), kinds);
        Assert.Contains(((string?)null, "removed"), kinds);
        Assert.Equal(2, kinds.Count(k => k == ("robot", "started")));
        var verdict = entries.Single(e => e.GetProperty("kind").GetString() == "verdict");
        Assert.StartsWith("Passed", verdict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Per service: the engine may report two containers' events a little out of time order, never one container's.
        var robot = entries.Where(e => Service(e) == "robot" && e.GetProperty("kind").GetString() is "started" or "exited" or "restarted")
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("elapsedSeconds").GetDouble())).ToList();
        Assert.Equal(["started", "exited", "restarted", "started"], robot.Select(r => r.Item1));
        Assert.Equal(robot.Select(r => r.Item2).Order(), robot.Select(r => r.Item2));
        Assert.True(verdict.GetProperty("elapsedSeconds").GetDouble() >= entries.First(e => e.GetProperty("kind").GetString() == "exited" && Service(e) == "test").GetProperty("elapsedSeconds").GetDouble());
        Assert.All(entries, e => Assert.True(DateTimeOffset.TryParse(e.GetProperty("time").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.Equal("report\n", await File.ReadAllTextAsync(Path.Combine(result.OutputsDirectory, "report.txt"), RealEngine.Token));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
