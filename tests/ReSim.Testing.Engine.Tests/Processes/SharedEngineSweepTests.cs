using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Docker;
using ReSim.Testing.Engine.Tests.Rules;

namespace ReSim.Testing.Engine.Tests.Processes;

/// <summary>
/// R19 on an engine shared by runners the host name and PIDs cannot tell apart: a runner in another PID namespace with
/// the same host name (a CI job or dev container sharing docker.sock) sweeps at its start and must leave a live run alone,
/// while a dead run goes whatever PID its labels name.
/// </summary>
[RequiresEngine]
public sealed class SharedEngineSweepTests : IAsyncDisposable
{
    private const string QuickExperience = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            labels: { resim.ai/isTestOrchestrator: "true", {{RunnerProcess.MarkerLabel}}: "@MARKER@" }
            command: ["sh", "-c", "exit 0"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_runner_in_another_PID_namespace_with_the_same_host_name_keeps_a_live_run_and_removes_a_dead_one_R19()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                labels: { resim.ai/isTestOrchestrator: "true", {{RunnerProcess.MarkerLabel}}: "{{marker}}" }
                command: ["sh", "-c", "{{ComposeSnippets.WaitForFile("/tmp/resim/outputs/done", then: "exit 0", polls: 1200)}}; exit 1"]
              robot:
                image: {{TestEngine.Image}}
                labels: { {{RunnerProcess.MarkerLabel}}: "{{marker}}" }
                command: ["sh", "-c", "sleep 300"]
            """).WithSettings(s => s with { Timeout = TimeSpan.FromMinutes(2) });
        var live = engine.RunAsync(experience);
        while (await RunnerProcess.RunIdAsync(marker, "robot") is null)
        {
            Assert.False(live.IsCompleted, "the live run ended before its services ran");
            await Task.Delay(100, RealEngine.Token);
        }

        await using var dead = await DockerTestRun.StartAsync();
        await dead.LeaveBehindAsync();
        await Task.Delay(DockerTestRun.SweepGrace, RealEngine.Token);

        await using var other = RunnerProcess.Start(QuickExperience, 60, DockerTestRun.SweepGrace, ["unshare", "--pid", "--fork", "--mount-proc"]);
        await other.Process.WaitForExitAsync(RealEngine.Token);

        Assert.True(other.Process.ExitCode == 0, other.Output);
        Assert.Equal(string.Empty, await dead.LeftoversAsync());
        Assert.False(live.IsCompleted, "the live run ended while the other runner ran");
        await File.WriteAllTextAsync(Path.Combine(experience.Settings.ResultsDirectory!, "outputs", "done"), string.Empty, RealEngine.Token);
        var result = await live;
        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.All(result.Services, s => Assert.Empty(s.Restarts));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
