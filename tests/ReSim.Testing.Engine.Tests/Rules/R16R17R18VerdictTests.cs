using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R16-R18 on the real engine: orchestrators decide, restart policies cover failures up to their count, the timeout fails.</summary>
[RequiresEngine]
public sealed class R16R17R18VerdictTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task Two_orchestrators_exiting_0_pass_R16()
    {
        var result = await engine.RunAsync($$"""
            services:
              unit:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "echo unit done"]
              integration:
                image: {{TestEngine.Image}}
                labels: { resim.ai/isTestOrchestrator: true }
                command: ["sh", "-c", "sleep 0.5; echo integration done"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.All(result.Services, s => Assert.Equal([0], s.ExitCodes));
        Assert.All(result.Services, s => Assert.True(s.IsOrchestrator));
    }

    [Fact]
    public async Task Two_orchestrators_one_exiting_non_zero_fail_naming_it_R16()
    {
        var result = await engine.RunAsync($$"""
            services:
              unit:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "echo unit done"]
              integration:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                restart: always
                command: ["sh", "-c", "sleep 0.3; echo assertion failed; exit 4"]
            """);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("integration", (int?)4), (result.Reason!.Service, result.Reason.ExitCode));
        Assert.Contains("integration", result.Reason.Message, StringComparison.Ordinal);
        Assert.Empty(RealEngine.Service(result, "integration").Restarts);
    }

    [Fact]
    public async Task On_failure_2_exhausted_fails_after_exactly_two_recorded_restarts_R17()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "30"]
              robot:
                image: {{TestEngine.Image}}
                restart: on-failure:2
                command: ["sh", "-c", "echo try; exit 2"]
            """);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("robot", (int?)2), (result.Reason!.Service, result.Reason.ExitCode));
        var robot = RealEngine.Service(result, "robot");
        Assert.Equal([2, 2, 2], robot.ExitCodes);
        Assert.Equal(2, robot.Restarts.Length);
        Assert.All(robot.Restarts, r => Assert.Contains("on-failure:2", r.Reason, StringComparison.Ordinal));
        Assert.Equal(3, RealEngine.Log(result, "robot").Split('\n').Count(l => l == "try"));
        Assert.True(RealEngine.Service(result, "test").StoppedAtTeardown);
    }

    [Fact]
    public async Task Restart_always_keeps_restarting_a_failing_service_without_failing_the_experience_R17()
    {
        // Every start of the robot adds a line to the outputs folder; the orchestrator passes once it has seen four starts.
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "for i in $$(seq 150); do [ $$(cat /tmp/resim/outputs/starts 2>/dev/null | wc -l) -ge 4 ] && exit 0; sleep 0.1; done; exit 1"]
              robot:
                image: {{TestEngine.Image}}
                restart: always
                command: ["sh", "-c", "echo start >> /tmp/resim/outputs/starts; exit 3"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var robot = RealEngine.Service(result, "robot");
        Assert.True(robot.Restarts.Length >= 3, $"{robot.Restarts.Length} restarts");
        Assert.All(robot.Restarts, r => Assert.Contains("always", r.Reason, StringComparison.Ordinal));
        Assert.All(robot.ExitCodes, code => Assert.Equal(3, code));
    }

    [Fact]
    public async Task The_timeout_fails_the_experience_as_TimedOut_with_a_reason_R18()
    {
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "echo waiting forever; sleep 30"]
              robot:
                image: {{TestEngine.Image}}
                command: ["sleep", "30"]
            """).WithSettings(s => s with { Timeout = TimeSpan.FromSeconds(2) });

        var result = await engine.RunAsync(experience);

        Assert.Equal(ExperienceVerdict.TimedOut, result.Verdict);
        Assert.Contains("timed out after 2", result.Reason!.Message, StringComparison.Ordinal);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        Assert.All(result.Services, s => Assert.True(s.StoppedAtTeardown, $"{s.Name} was not stopped"));
        Assert.Contains("waiting forever", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
