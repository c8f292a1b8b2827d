using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R14 and R15 on the real engine: depends_on orders nothing; exits before a dependency is satisfied are retried.</summary>
[RequiresEngine]
public sealed class R14R15StartupTests : IAsyncDisposable
{
    // The robot says it is ready in the outputs folder 1.5 s after it starts, and becomes healthy (its health check tests
    // a file) a second later: a service that saw no ready file when it exited cannot have seen the robot healthy.
    private const string SlowlyHealthyRobot = $$"""
          robot:
            image: {{TestEngine.Image}}
            command: ["sh", "-c", "sleep 1.5; touch /tmp/resim/outputs/robot-ready; sleep 1; touch /tmp/healthy; sleep 30"]
            healthcheck:
              test: ["CMD", "test", "-f", "/tmp/healthy"]
              interval: 200ms
              retries: 1
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_service_depending_on_a_healthy_one_starts_together_with_it_not_after_R14()
    {
        var observer = new LiveObserver();
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                depends_on:
                  robot: { condition: service_healthy }
                command:
                  - sh
                  - -c
                  - |
                    [ -f /tmp/resim/outputs/robot-ready ] || echo "started before robot was ready"
                    {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/robot-ready")}}
                    sleep 2
            {{SlowlyHealthyRobot}}
            """);

        var result = await engine.RunAsync(experience, observer);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var testStarted = observer.Changes.First(c => c is { Service: "test", Kind: "started" });
        var robotHealthy = observer.Changes.First(c => c is { Service: "robot", Kind: "healthy" });
        Assert.True(testStarted.Time < robotHealthy.Time, $"test started at {testStarted.Elapsed}, robot healthy at {robotHealthy.Elapsed}");
        Assert.StartsWith("=== start 1 ===\nstarted before robot was ready", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_crashing_before_its_dependency_is_healthy_is_started_again_then_succeeds_R15()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                depends_on:
                  robot: { condition: service_healthy }
                command: ["sh", "-c", "{{ComposeSnippets.WaitForFile("/tmp/resim/outputs/bridge-connected", then: "exit 0")}}; exit 1"]
              bridge:
                image: {{TestEngine.Image}}
                restart: "no"
                depends_on:
                  robot: { condition: service_healthy }
                command:
                  - sh
                  - -c
                  - |
                    sleep 0.2; [ -f /tmp/resim/outputs/robot-ready ] || { echo "no robot yet"; exit 1; }
                    echo connected; touch /tmp/resim/outputs/bridge-connected; sleep 30
            {{SlowlyHealthyRobot}}
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var bridge = RealEngine.Service(result, "bridge");
        Assert.NotEmpty(bridge.Restarts);
        Assert.All(bridge.Restarts, r => Assert.Equal(1, r.ExitCode));
        Assert.All(bridge.Restarts, r => Assert.Contains("R15", r.Reason, StringComparison.Ordinal));
        Assert.Equal(bridge.Restarts.Length, bridge.ExitCodes.Length);
        var log = RealEngine.Log(result, "bridge");
        Assert.Contains("no robot yet", log, StringComparison.Ordinal);
        Assert.EndsWith("connected\n", log, StringComparison.Ordinal);
        Assert.Equal("healthy", RealEngine.Service(result, "robot").LastHealth);
    }

    // setup writes the config a second before it completes: a robot start that missed it exits well before setup's
    // exit (an R15 restart), and one that found it runs on. Writing it just before completing made a robot's check
    // just before the write and its exit just after setup's a failure after the dependency was satisfied, as R17 says.
    // The orchestrator passes 3 s after the robot found the config, when setup has long completed.
    [Fact]
    public async Task A_service_exiting_before_its_setup_dependency_completed_successfully_is_started_again_R15()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                depends_on:
                  robot: { condition: service_started }
                command: ["sh", "-c", "{{ComposeSnippets.WaitForFile("/tmp/resim/outputs/robot-configured", then: "sleep 3 && exit 0")}}; exit 1"]
              setup:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "sleep 1; echo configured > /tmp/resim/outputs/.config && mv /tmp/resim/outputs/.config /tmp/resim/outputs/config; sleep 1"]
              robot:
                image: {{TestEngine.Image}}
                depends_on:
                  setup: { condition: service_completed_successfully }
                command: ["sh", "-c", "sleep 0.2; [ -f /tmp/resim/outputs/config ] || exit 9; touch /tmp/resim/outputs/robot-configured; sleep 30"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var robot = RealEngine.Service(result, "robot");
        Assert.NotEmpty(robot.Restarts);
        Assert.All(robot.Restarts, r => Assert.Equal(9, r.ExitCode));
        Assert.Equal([0], RealEngine.Service(result, "setup").ExitCodes);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
