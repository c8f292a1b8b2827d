using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Results;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Lifecycle;

/// <summary>R17: which restart policies cover a failure, and how <c>on-failure:N</c> counts.</summary>
public sealed class RestartPolicyTests
{
    public static TheoryData<string, bool> Policies => new()
    {
        { "no", false },
        { "always", true },
        { "unless-stopped", true },
        { "on-failure", true },
        { "on-failure:1", true },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_failing_service_is_restarted_exactly_when_its_policy_covers_the_failure_R17(string policy, bool restarted)
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", Parse(policy))).Start("test", "robot").Exit("robot", 1);

        Assert.Equal(restarted, run.Restarts.Count == 1);
        Assert.Equal(restarted ? null : ExperienceVerdict.Failed, run.Verdict?.Verdict);
    }

    [Theory]
    [InlineData(RestartKind.Always)]
    [InlineData(RestartKind.UnlessStopped)]
    [InlineData(RestartKind.OnFailure)]
    public void Unbounded_policies_restart_every_failure_R17(RestartKind kind)
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(kind))).Start("test", "robot");
        for (var i = 0; i < 25; i++)
        {
            run.ExitAndRestartIfDecided("robot", 1);
        }

        Assert.Null(run.Verdict);
        Assert.Equal(25, run.State.Services["robot"].PolicyRestarts);
    }

    [Fact]
    public void On_failure_2_restarts_twice_and_the_third_failure_fails_the_test_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 2)))
            .Start("test", "robot")
            .ExitAndRestartIfDecided("robot", 1)
            .ExitAndRestartIfDecided("robot", 2);

        Assert.Null(run.Verdict);
        Assert.Collection(
            run.RestartsOf("robot"),
            r => Assert.Contains("on-failure:2 (restart 1 of 2)", r.Reason, StringComparison.Ordinal),
            r => Assert.Contains("on-failure:2 (restart 2 of 2)", r.Reason, StringComparison.Ordinal));

        run.Exit("robot", 3);

        Assert.Equal((ExperienceVerdict.Failed, "robot", (int?)3), (run.Verdict!.Verdict, run.Verdict.Service, run.Verdict.ExitCode));
        Assert.Contains("used its 2 restart", run.Verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_failure_counts_only_policy_restarts_not_restarts_before_dependencies_are_satisfied_R15_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 1), On("sim")), Service("sim"))
            .Start("test", "robot")
            .ExitAndRestartIfDecided("robot", 1)
            .ExitAndRestartIfDecided("robot", 1)
            .ExitAndRestartIfDecided("robot", 1)
            .Start("sim")
            .ExitAndRestartIfDecided("robot", 1);

        Assert.Null(run.Verdict);
        Assert.Equal((3, 1), (run.State.Services["robot"].DependencyRestarts, run.State.Services["robot"].PolicyRestarts));

        run.Exit("robot", 1);
        Assert.Equal(ExperienceVerdict.Failed, run.Verdict!.Verdict);
    }

    [Fact]
    public void On_failure_0_covers_no_failure_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 0))).Start("test", "robot").Exit("robot", 1);

        Assert.Equal(ExperienceVerdict.Failed, run.Verdict!.Verdict);
    }

    [Fact]
    public void An_exit_0_does_not_use_up_an_on_failure_restart_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 1)))
            .Start("test", "robot").Exit("robot", 0);

        Assert.Equal(0, run.State.Services["robot"].PolicyRestarts);
        Assert.Empty(run.Restarts);
    }

    private static RestartPolicy Parse(string text) => text switch
    {
        "always" => new(RestartKind.Always),
        "unless-stopped" => new(RestartKind.UnlessStopped),
        "on-failure" => new(RestartKind.OnFailure),
        _ when text.StartsWith("on-failure:", StringComparison.Ordinal) => new(RestartKind.OnFailure, int.Parse(text["on-failure:".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        _ => RestartPolicy.No,
    };
}
