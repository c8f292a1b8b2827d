using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R17 and R19 on the real engine: a restart racing the verdict is still stopped at teardown, and restarts back off.</summary>
public sealed class R17R19RestartRaceTests : IAsyncDisposable
{
    // Both exit at the same moment; robot's second start sleeps, so it runs at teardown if its restart won the race.
    private const string Race = $$"""
        services:
          test:
            image: resim-testing/busybox:1.35
            {{RealEngine.Orchestrator}}
            command: ["sh", "-c", "sleep 1; exit 0"]
          robot:
            image: resim-testing/busybox:1.35
            restart: always
            command: ["sh", "-c", "[ -e /tmp/again ] && exec sleep 30; touch /tmp/again; sleep 1; exit 1"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_restart_always_service_exiting_1_as_the_orchestrator_exits_0_is_stopped_after_its_last_start_R17_R19()
    {
        var observer = new LiveObserver();

        var result = await engine.RunAsync(engine.Experience(Race), observer);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var robot = observer.Changes.Where(c => c.Service == "robot").Select(c => c.Kind).ToList();
        Assert.True(robot.LastIndexOf("stopped") > robot.LastIndexOf("started"), "robot: " + string.Join(", ", robot));
    }

    [Fact]
    public async Task A_crash_looping_service_backs_off_between_restarts_R17()
    {
        var experience = engine.Experience($$"""
            services:
              test:
                image: resim-testing/busybox:1.35
                {{RealEngine.Orchestrator}}
                command: ["sleep", "2"]
              robot:
                image: resim-testing/busybox:1.35
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
