using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Results;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Lifecycle;

/// <summary>R16, R18: several orchestrators, timeouts, races, and what happens after the verdict.</summary>
public sealed class VerdictTests
{
    [Fact]
    public void With_several_orchestrators_the_test_passes_only_when_every_one_has_exited_0_R16()
    {
        var run = new PolicyDriver(Orchestrator("a"), Orchestrator("b"), Orchestrator("c"), Service("robot")).Start("a", "b", "c", "robot");

        run.Exit("b", 0).Exit("a", 0);
        Assert.Null(run.Verdict);

        run.Exit("c", 0);
        Assert.Equal(ExperienceVerdict.Passed, run.Verdict!.Verdict);
        Assert.Contains("'c'", run.Verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_several_orchestrators_one_non_zero_exit_fails_even_after_others_passed_R16()
    {
        var run = new PolicyDriver(Orchestrator("a"), Orchestrator("b")).Start("a", "b").Exit("a", 0).Exit("b", 2);

        Assert.Equal((ExperienceVerdict.Failed, "b", (int?)2), (run.Verdict!.Verdict, run.Verdict.Service, run.Verdict.ExitCode));
    }

    [Fact]
    public void The_timeout_fails_the_experience_with_the_orchestrators_still_awaited_R18()
    {
        var run = new PolicyDriver(Orchestrator("a"), Orchestrator("b")).Start("a", "b").Exit("a", 0).Timeout();

        Assert.Equal(ExperienceVerdict.TimedOut, run.Verdict!.Verdict);
        Assert.Contains("'b'", run.Verdict.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'a'", run.Verdict.Message, StringComparison.Ordinal);
        Assert.Contains("R18", run.Verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_before_anything_started_still_times_out_R18()
    {
        var run = new PolicyDriver(Orchestrator("a")).Timeout();

        Assert.Equal(ExperienceVerdict.TimedOut, run.Verdict!.Verdict);
    }

    [Fact]
    public void A_timeout_after_the_pass_changes_nothing_R18()
    {
        var run = new PolicyDriver(Orchestrator("a")).Start("a").Exit("a", 0).Timeout();

        Assert.Equal(ExperienceVerdict.Passed, run.Verdict!.Verdict);
    }

    [Fact]
    public void Race_orchestrator_exit_0_reported_before_a_service_crash_passes_R16()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot")).Start("test", "robot").Exit("test", 0).Exit("robot", 139);

        Assert.Equal(ExperienceVerdict.Passed, run.Verdict!.Verdict);
        Assert.Equal(ServiceStatus.Running, run.State.Services["robot"].Status);
    }

    [Fact]
    public void Race_a_service_crash_reported_before_the_orchestrator_exit_0_fails_R17()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot")).Start("test", "robot").Exit("robot", 139).Exit("test", 0);

        Assert.Equal((ExperienceVerdict.Failed, "robot"), (run.Verdict!.Verdict, run.Verdict.Service));
    }

    [Fact]
    public void Race_two_orchestrators_failing_together_the_first_reported_is_the_cause_R16_R20()
    {
        var run = new PolicyDriver(Orchestrator("a"), Orchestrator("b")).Start("a", "b").Exit("b", 7).Exit("a", 8);

        Assert.Equal(("b", (int?)7), (run.Verdict!.Service, run.Verdict.ExitCode));
    }

    [Fact]
    public void Events_after_the_verdict_change_neither_the_state_nor_the_decisions()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.Always))).Start("test", "robot").Exit("test", 1);
        var decided = run.State;

        var step = LifecyclePolicy.Decide(decided, LifecycleEvent.Exited("robot", 1, TimeSpan.FromSeconds(9)));

        Assert.Same(decided, step.State);
        Assert.Empty(step.Restarts);
        Assert.Null(step.Verdict);
    }

    [Fact]
    public void The_verdict_is_given_once_by_the_step_that_decides_it()
    {
        var state = LifecycleState.Initial([Orchestrator("test")]);
        state = LifecyclePolicy.Decide(state, LifecycleEvent.Started("test", TimeSpan.Zero)).State;

        var step = LifecyclePolicy.Decide(state, LifecycleEvent.Exited("test", 0, TimeSpan.FromSeconds(1.5)));

        Assert.Equal(TimeSpan.FromSeconds(1.5), step.Verdict!.At);
        Assert.Same(step.Verdict, step.State.Verdict);
    }

    [Fact]
    public void Events_of_unknown_services_are_ignored()
    {
        var run = new PolicyDriver(Orchestrator("test")).Start("test").Exit("stranger", 1);

        Assert.Null(run.Verdict);
        Assert.Empty(run.Restarts);
    }

    [Fact]
    public void Health_and_exit_codes_are_recorded_per_service()
    {
        var run = new PolicyDriver(Orchestrator("test"), Service("sim", new RestartPolicy(RestartKind.Always)))
            .Start("test", "sim").Healthy("sim").ExitAndRestartIfDecided("sim", 4).Unhealthy("sim").ExitAndRestartIfDecided("sim", 5);

        var sim = run.State.Services["sim"];
        Assert.Equal([4, 5], sim.ExitCodes);
        Assert.Equal("unhealthy", sim.LastHealth);
        Assert.True(sim.HasBeenHealthy);
    }
}
