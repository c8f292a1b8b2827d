using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R17 and R19 on the real engine: a service restarted before the verdict is stopped at teardown, and restarts back off.</summary>
[RequiresEngine]
public sealed class R17R19RestartRaceTests : IAsyncDisposable
{
    // robot fails after 1 s and is restarted at once; its second start sleeps, so it runs when the orchestrator passes at 4 s.
    // Which orders of restart and verdict give what is RunPolicyTests' job, one exact test per order; this is the real engine's.
    private const string RestartedBeforeTheVerdict = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            command: ["sh", "-c", "sleep 4; exit 0"]
          robot:
            image: {{TestEngine.Image}}
            restart: always
            command: ["sh", "-c", "[ -e /tmp/again ] && exec sleep 30; touch /tmp/again; sleep 1; exit 1"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_service_restarted_before_the_verdict_is_stopped_at_teardown_after_its_last_start_R17_R19()
    {
        var observer = new LiveObserver();

        var result = await engine.RunAsync(engine.Experience(RestartedBeforeTheVerdict), observer);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var robot = RealEngine.Service(result, "robot");
        Assert.Equal([1], robot.ExitCodes);
        Assert.Single(robot.Restarts);
        Assert.True(robot.StoppedAtTeardown);
        Assert.Contains("=== start 2 (restart: exited with code 1;", RealEngine.Log(result, "robot"), StringComparison.Ordinal);
        var kinds = observer.Changes.Where(c => c.Service == "robot").Select(c => c.Kind).ToList();
        Assert.Equal(["created", "started", "exited", "restarted", "started", "stopped"], kinds);
    }

    [Fact]
    public async Task A_crash_looping_service_backs_off_between_restarts_R17()
    {
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "2"]
              robot:
                image: {{TestEngine.Image}}
                restart: always
                command: ["false"]
            """);

        var result = await engine.RunAsync(experience);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var restarts = RealEngine.Service(result, "robot").Restarts;
        Assert.InRange(restarts.Length, 2, 10);
        Assert.Contains("restarted after a back-off of 0.100 s", restarts[1].Reason, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
