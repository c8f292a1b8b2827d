using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R19 on the real engine: containers, sandbox and volumes of a run are gone after its verdict and after a cancellation.</summary>
[RequiresEngine]
public sealed class R19TeardownTests : IAsyncDisposable
{
    private const string Compose = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            volumes: [data:/data]
            command: ["sh", "-c", "touch /tmp/resim/outputs/running; sleep 30"]
          robot:
            image: {{TestEngine.Image}}
            volumes: [data:/data]
            command: ["sleep", "30"]
        volumes:
          data: {}
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task Cancelling_mid_run_stops_and_removes_containers_sandbox_and_volumes_R19()
    {
        var observer = new LiveObserver();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(RealEngine.Token);
        var running = engine.RunUntilAsync(engine.Experience(Compose), observer, cancellation.Token);
        await observer.WaitForAsync("test", "started");
        await observer.WaitForAsync("robot", "started");
        var runId = await DockerTestRun.InspectAsync(await observer.ContainerIdAsync("test"), $"{{{{index .Config.Labels \"{RunLabels.Run}\"}}}}");
        var during = await ListAsync(runId);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(3, during.Containers.Length);
        Assert.Contains(during.Containers, name => name.EndsWith("_sandbox", StringComparison.Ordinal));
        Assert.Equal([$"resim-{runId}-data"], during.Volumes);
        await RealEngine.AssertNothingLeftAsync(runId);
        Assert.Contains(observer.Changes, c => c.Kind == "cancelled");
        Assert.Contains(observer.Changes, c => c.Kind == "removed");
    }

    [Fact]
    public async Task After_a_verdict_every_object_of_the_run_is_removed_and_the_outputs_are_kept_R19_R23()
    {
        var experience = engine.Experience(Compose.Replace("sleep 30\"]", "sleep 0.5\"]", StringComparison.Ordinal));

        var result = await engine.RunAsync(experience);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        await RealEngine.AssertNothingLeftAsync(result.RunId);
        var (_, named, _) = await DockerCli.RunAsync("ps", "-a", "-q", "--filter", $"name=resim-{result.RunId}");
        Assert.Equal(string.Empty, named.Trim());
        Assert.True(File.Exists(Path.Combine(result.OutputsDirectory, "running")));
        Assert.True(RealEngine.Service(result, "robot").StoppedAtTeardown);
        // Nothing of the run stays in the runtime either: its per-run state went with it.
        Assert.Equal(0, engine.Runtime.TrackedContainers);
    }

    [Fact]
    public async Task A_run_first_removes_what_runs_of_dead_owners_left_on_the_engine_R19()
    {
        await using var orphan = await DockerTestRun.StartAsync();
        await orphan.LeaveBehindAsync();
        await Task.Delay(DockerTestRun.SweepGrace, RealEngine.Token);
        await using var sweeping = new RealEngine(DockerTestRun.Sweeper());

        var result = await sweeping.RunAsync(Compose.Replace("sleep 30\"]", "sleep 0.2\"]", StringComparison.Ordinal));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        await RealEngine.AssertNothingLeftAsync(orphan.RunId);
    }

    [Fact]
    public async Task At_the_verdict_a_service_gets_SIGTERM_and_the_grace_period_and_one_ignoring_it_is_killed_R19()
    {
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "{{ComposeSnippets.WaitForFile("/tmp/resim/outputs/ready", then: "exit 0")}}; exit 1"]
              polite:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "trap 'echo saved > /tmp/resim/outputs/polite; exit 0' TERM; touch /tmp/resim/outputs/ready; while true; do sleep 1 & wait $$!; done"]
              stubborn:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"]
            """).WithSettings(s => s with { StopGracePeriod = TimeSpan.FromSeconds(1) });

        var result = await engine.RunAsync(experience);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal("saved\n", await File.ReadAllTextAsync(Path.Combine(result.OutputsDirectory, "polite"), RealEngine.Token));
        Assert.True(RealEngine.Service(result, "polite").StoppedAtTeardown);
        Assert.True(RealEngine.Service(result, "stubborn").StoppedAtTeardown);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private static async Task<(string[] Containers, string[] Volumes)> ListAsync(string runId)
    {
        var containers = await DockerCli.RunAsync("ps", "-a", "--format", "{{.Names}}", "--filter", $"label={RunLabels.Run}={runId}");
        var volumes = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label={RunLabels.Run}={runId}");
        return (Lines(containers.StdOut), Lines(volumes.StdOut));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
