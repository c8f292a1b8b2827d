using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Results;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Lifecycle;

/// <summary>R14/R15: when a dependency is satisfied, per condition, and what that does to exits.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Service_started_is_satisfied_once_the_dependency_runs_and_then_a_failure_counts_R15_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", null, On("sim")), Service("sim"))
            .Start("test", "robot").ExitAndRestartIfDecided("robot", 1).Start("sim").Exit("robot", 1);

        Assert.Single(run.Restarts);
        Assert.Equal(("robot", (int?)1), (run.Verdict!.Service, run.Verdict.ExitCode));
    }

    [Fact]
    public void Service_healthy_is_not_satisfied_by_running_nor_by_unhealthy_only_by_healthy_R15()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", null, On("sim", DependencyCondition.ServiceHealthy)), Service("sim"))
            .Start("test", "robot", "sim")
            .ExitAndRestartIfDecided("robot", 1)
            .Unhealthy("sim")
            .ExitAndRestartIfDecided("robot", 1);

        Assert.Equal(2, run.RestartsOf("robot").Length);
        Assert.Contains("sim (service_healthy)", run.Restarts[0].Reason, StringComparison.Ordinal);

        run.Healthy("sim").Exit("robot", 1);
        Assert.Equal(ExperienceVerdict.Failed, run.Verdict!.Verdict);
    }

    [Fact]
    public void Service_completed_successfully_is_satisfied_only_by_an_exit_0_of_the_dependency_R15()
    {
        var run = new PolicyDriver(
                Orchestrator("test", null, On("migrate", DependencyCondition.ServiceCompletedSuccessfully)),
                Service("migrate", new RestartPolicy(RestartKind.OnFailure)))
            .Start("test", "migrate")
            .ExitAndRestartIfDecided("migrate", 1)
            .ExitAndRestartIfDecided("test", 0);

        Assert.Null(run.Verdict);
        Assert.Equal(RestartCause.DependenciesNotSatisfied, Assert.Single(run.RestartsOf("test")).Cause);

        run.Exit("migrate", 0).Exit("test", 0);
        Assert.Equal(ExperienceVerdict.Passed, run.Verdict!.Verdict);
    }

    [Fact]
    public void A_completed_successfully_dependency_that_exits_non_zero_leaves_its_dependant_restarting_until_the_timeout_R15_R18()
    {
        var run = new PolicyDriver(
                Orchestrator("test", null, On("migrate", DependencyCondition.ServiceCompletedSuccessfully)),
                Service("migrate", RestartPolicy.No, On("db")),
                Service("db"))
            .Start("test", "migrate")
            .ExitAndRestartIfDecided("migrate", 1)
            .ExitAndRestartIfDecided("test", 0)
            .ExitAndRestartIfDecided("test", 0)
            .Timeout();

        Assert.Equal(2, run.RestartsOf("test").Length);
        Assert.Equal(ExperienceVerdict.TimedOut, run.Verdict!.Verdict);
        Assert.Contains("'test'", run.Verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfaction_latches_a_dependency_that_exits_after_being_satisfied_keeps_its_dependants_failures_counting_R15()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", null, On("sim", DependencyCondition.ServiceHealthy)), Service("sim", new RestartPolicy(RestartKind.Always)))
            .Start("test", "robot", "sim").Healthy("sim").ExitAndRestartIfDecided("sim", 1).Unhealthy("sim").Exit("robot", 9);

        Assert.Equal(("robot", (int?)9), (run.Verdict!.Service, run.Verdict.ExitCode));
    }

    [Fact]
    public void Every_dependency_must_be_satisfied_R15()
    {
        var run = new PolicyDriver(Orchestrator("test", null, On("a"), On("b", DependencyCondition.ServiceHealthy)), Service("a"), Service("b"))
            .Start("test", "a", "b").ExitAndRestartIfDecided("test", 1);

        Assert.Contains("b (service_healthy)", Assert.Single(run.Restarts).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("a (", run.Restarts[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exit_0_ignored_before_its_own_dependencies_does_not_satisfy_completed_successfully_dependants_R15()
    {
        var run = new PolicyDriver(
                Orchestrator("test", null, On("migrate", DependencyCondition.ServiceCompletedSuccessfully)),
                Service("migrate", null, On("db")),
                Service("db"))
            .Start("test", "migrate").ExitAndRestartIfDecided("migrate", 0).ExitAndRestartIfDecided("test", 0);

        Assert.False(run.State.Services["migrate"].HasCompletedSuccessfully);
        Assert.Null(run.Verdict);
    }

    [Fact]
    public void A_dependency_on_a_service_that_is_not_active_is_dropped_R8()
    {
        var run = new PolicyDriver(Orchestrator("test", null, On("gone"))).Start("test").Exit("test", 0);

        Assert.Equal(ExperienceVerdict.Passed, run.Verdict!.Verdict);
    }
}
