using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Results;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Lifecycle;

/// <summary>Every row and column of the "Summary of capabilities" table in multi-container-builds.txt.</summary>
public sealed class CapabilityTableTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(137)]
    public void Row_depends_on__an_orchestrator_exit_before_its_dependency_is_satisfied_is_ignored_and_it_is_started_again_R15(int code)
    {
        var run = new PolicyDriver(Orchestrator("test", null, On("db")), Service("db"))
            .Start("test").Exit("test", code);

        Assert.Null(run.Verdict);
        var restart = Assert.Single(run.Restarts);
        Assert.Equal(("test", RestartCause.DependenciesNotSatisfied, code), (restart.Service, restart.Cause, restart.ExitCode));
        Assert.Contains("R15", restart.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Row_depends_on__a_service_exit_before_its_dependency_is_satisfied_is_ignored_and_it_is_started_again_R15(int code)
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", null, On("sim")), Service("sim"))
            .Start("test", "robot").Exit("robot", code);

        Assert.Null(run.Verdict);
        Assert.Equal(RestartCause.DependenciesNotSatisfied, Assert.Single(run.RestartsOf("robot")).Cause);
    }

    [Theory]
    [InlineData(RestartKind.Always)]
    [InlineData(RestartKind.UnlessStopped)]
    [InlineData(RestartKind.OnFailure)]
    public void Row_non_zero_with_restart__an_orchestrator_is_never_restarted_and_fails_the_test_R16(RestartKind kind)
    {
        var run = new PolicyDriver(Orchestrator("test", new RestartPolicy(kind))).Start("test").Exit("test", 1);

        Assert.Empty(run.Restarts);
        Assert.Equal((ExperienceVerdict.Failed, "test", (int?)1), (run.Verdict!.Verdict, run.Verdict.Service, run.Verdict.ExitCode));
        Assert.Contains("R16", run.Verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_non_zero_with_restart__a_service_restarts_and_the_test_goes_on_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.Always)))
            .Start("test", "robot").Exit("robot", 3);

        Assert.Null(run.Verdict);
        var restart = Assert.Single(run.Restarts);
        Assert.Equal(("robot", RestartCause.RestartPolicy, 3), (restart.Service, restart.Cause, restart.ExitCode));
        Assert.Contains("always", restart.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_non_zero_without_restart__an_orchestrator_fails_the_test_R16()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot")).Start("test", "robot").Exit("test", 4);

        Assert.Equal((ExperienceVerdict.Failed, "test", (int?)4), (run.Verdict!.Verdict, run.Verdict.Service, run.Verdict.ExitCode));
    }

    [Fact]
    public void Row_non_zero_without_restart__a_service_fails_the_test_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot")).Start("test", "robot").Exit("robot", 5);

        Assert.Empty(run.Restarts);
        Assert.Equal((ExperienceVerdict.Failed, "robot", (int?)5), (run.Verdict!.Verdict, run.Verdict.Service, run.Verdict.ExitCode));
        Assert.Contains("R17", run.Verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_exit_zero__the_only_orchestrator_exiting_0_passes_the_test_R16()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot")).Start("test", "robot").Exit("test", 0);

        Assert.Equal(ExperienceVerdict.Passed, run.Verdict!.Verdict);
        Assert.Null(run.Verdict.Service);
    }

    [Theory]
    [InlineData(RestartKind.No)]
    [InlineData(RestartKind.Always)]
    [InlineData(RestartKind.UnlessStopped)]
    [InlineData(RestartKind.OnFailure)]
    public void Row_exit_zero__a_service_exiting_0_is_ignored_and_not_restarted_whatever_its_policy_R17(RestartKind kind)
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(kind))).Start("test", "robot").Exit("robot", 0);

        Assert.Null(run.Verdict);
        Assert.Empty(run.Restarts);
        Assert.Equal(ServiceStatus.Exited, run.State.Services["robot"].Status);
    }
}
