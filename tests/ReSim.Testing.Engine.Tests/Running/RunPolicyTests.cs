using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Running;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>
/// The run loop's policy, input by input: every order in which a restart and the verdict can meet, and the teardown's
/// stages (R15, R17, R19). Each order is its own test with one exact outcome: no clock, no race, no "either way".
/// </summary>
public sealed class RunPolicyTests
{
    private static readonly RestartPolicy Always = new(RestartKind.Always);

    private readonly PolicyRun run = new([Orchestrator("test"), Service("robot", Always)]);

    [Fact]
    public void Begin_arms_the_timeout_and_starts_every_service_at_once_R14_R18()
    {
        Assert.Equal(["arm-timeout", "start:robot", "start:test"], run.Apply(new RunInput.Begin()));
        Assert.All(run.State.Services.Values, s => Assert.True(s is { Live: true, Starting: true }));
    }

    [Fact]
    public void A_restart_waits_for_the_log_of_the_start_before_it_so_each_start_has_its_own_section_R17_R21()
    {
        run.BeginAndStartAll();

        Assert.Equal(["record:exited:robot", "sample-exit:robot", "record:restarted:robot"], run.Exited("robot", 1, 1.0));
        Assert.Equal(["start:robot"], run.LogEnded("robot", 1.1));
        Assert.Equal("exited with code 1; restart policy always (R17); restarted at once", Assert.Single(run.State.Services["robot"].Restarts).Reason);
    }

    [Fact]
    public void A_verdict_while_a_restart_waits_for_the_old_log_cancels_the_restart_and_nothing_starts_again_R17_R19()
    {
        run.BeginAndStartAll();
        run.Exited("robot", 1, 1.0);

        Assert.Equal(["record:exited:test", "sample-exit:test", "record:verdict", "ended", "record:restart-cancelled:robot"], run.Exited("test", 0, 1.5));
        Assert.Empty(run.SamplingEnded());
        Assert.Empty(run.LogEnded("robot"));
        Assert.Equal(["close-logs", "remove"], run.LogEnded("test"));
        Assert.Equal(["record:removed"], run.Apply(new RunInput.RemoveDone(null)));

        Assert.Equal(["arm-timeout", "start:robot", "start:test", "sample-exit:robot", "sample-exit:test", "ended", "close-logs", "remove"], run.Effects);
        Assert.True(run.State.IsDone);
        Assert.Equal(ExperienceVerdict.Passed, Assert.IsType<RunEnding.Decided>(run.State.Ending).Verdict.Verdict);
    }

    [Fact]
    public void A_restart_asked_for_before_the_verdict_is_waited_for_then_stopped_and_its_log_read_to_the_end_R17_R19()
    {
        run.BeginAndStartAll();
        run.Exited("robot", 1, 1.0);
        run.LogEnded("robot", 1.1);

        Assert.Equal(["record:exited:test", "sample-exit:test", "record:verdict", "ended"], run.Exited("test", 0, 1.2));
        Assert.Empty(run.SamplingEnded());
        Assert.Empty(run.LogEnded("test"));
        Assert.Equal(["stop:robot"], run.StartDone("robot"));
        Assert.Equal(["record:stopped:robot"], run.StopDone("robot"));
        Assert.Equal(["close-logs", "remove"], run.LogEnded("robot"));

        Assert.Empty(run.Records(TimelineKind.RestartCancelled));
        Assert.Equal(2, run.Effects.Count(e => e == "start:robot"));
    }

    [Fact]
    public void A_restart_already_answered_at_the_verdict_is_stopped_at_once_R17_R19()
    {
        run.BeginAndStartAll();
        run.ExitsAndRestarts("robot", 1.0, 1.2);

        Assert.Equal(["record:exited:test", "sample-exit:test", "record:verdict", "ended"], run.Exited("test", 0, 1.5));
        Assert.Equal(["stop:robot"], run.SamplingEnded());
        Assert.Equal(StopProgress.Stopped, (run.StopDone("robot"), run.State.Services["robot"].Stop).Item2);
    }

    [Fact]
    public void A_verdict_during_a_back_off_cancels_the_restart_and_the_back_off_ending_later_starts_nothing_R17_R19()
    {
        run.BeginAndStartAll();
        run.ExitsAndRestarts("robot", 1.0, 1.0);

        Assert.Equal(["record:exited:robot", "sample-exit:robot", "record:restarted:robot", "wait:robot:100ms"], run.Exited("robot", 1, 1.05));
        run.LogEnded("robot", 1.06);
        Assert.Contains("record:restart-cancelled:robot", run.Exited("test", 0, 1.1));
        Assert.Empty(run.Apply(new RunInput.BackoffElapsed("robot"), 1.15));

        Assert.Equal(2, run.Effects.Count(e => e == "start:robot"));
        Assert.Null(run.State.Services["robot"].Pending);
    }

    [Fact]
    public void A_back_off_that_ends_before_the_old_log_does_waits_for_the_log_R17_R21()
    {
        run.BeginAndStartAll();
        run.ExitsAndRestarts("robot", 1.0, 1.0);
        run.Exited("robot", 1, 1.05);

        Assert.Empty(run.Apply(new RunInput.BackoffElapsed("robot"), 1.15));
        Assert.Equal(["start:robot"], run.LogEnded("robot", 1.2));
    }

    [Fact]
    public void An_exit_seen_before_the_engine_answered_its_start_restarts_only_after_the_answer_and_the_log_R17()
    {
        run.Apply(new RunInput.Begin());

        Assert.Equal(["record:exited:robot", "sample-exit:robot", "record:restarted:robot"], run.Exited("robot", 1, 0.01));
        Assert.Empty(run.StartDone("robot", 0.02));
        Assert.Equal(["start:robot"], run.LogEnded("robot", 0.03));
    }

    [Fact]
    public void Back_offs_grow_100_ms_doubling_to_5_s_and_a_start_that_ran_10_s_resets_them_R17()
    {
        run.BeginAndStartAll();
        var delays = new List<string>();
        var at = 1.0;
        for (var exit = 0; exit < 9; exit++)
        {
            // The sixth start runs 10 s: the restart after it is immediate again.
            var ran = exit == 6 ? 10.0 : 0.01;
            run.Started("robot", at);
            at += ran;
            var commands = run.Exited("robot", 1, at);
            delays.Add(commands.SingleOrDefault(c => c.StartsWith("wait:", StringComparison.Ordinal)) ?? "at once");
            run.Apply(new RunInput.BackoffElapsed("robot"), at);
            run.LogEnded("robot", at);
            run.StartDone("robot", at);
        }

        Assert.Equal(["at once", "wait:robot:100ms", "wait:robot:200ms", "wait:robot:400ms", "wait:robot:800ms", "wait:robot:1600ms", "at once", "wait:robot:100ms", "wait:robot:200ms"], delays);
    }

    [Fact]
    public void Teardown_stops_what_runs_reads_each_stopped_log_to_its_end_then_closes_the_rest_and_removes_the_run_R19()
    {
        var three = new PolicyRun([Orchestrator("test"), Service("robot"), Service("sim")]);
        three.BeginAndStartAll();

        Assert.Equal(["record:exited:test", "sample-exit:test", "record:verdict:test", "ended"], three.Exited("test", 1, 2.0));
        // Each running container's last metrics reading comes before it is stopped.
        Assert.Equal(["stop:robot", "stop:sim"], three.SamplingEnded());
        Assert.Equal(["record:stop-failed:robot"], three.StopDone("robot", "cannot stop"));
        Assert.Equal(["record:stopped:sim"], three.StopDone("sim"));
        Assert.Empty(three.LogEnded("test"));
        Assert.Equal(["close-logs", "remove"], three.LogEnded("sim"));
        Assert.Equal(["record:removed"], three.Apply(new RunInput.RemoveDone(null)));
        Assert.False(three.State.IsDone);
        Assert.Empty(three.LogEnded("robot"));
        Assert.True(three.State.IsDone);
    }

    [Fact]
    public void Kept_containers_are_not_stopped_their_logs_are_closed_and_nothing_is_removed()
    {
        var kept = new PolicyRun([Orchestrator("test"), Service("robot")], keep: true);
        kept.BeginAndStartAll();

        // The exited orchestrator's log is read to its end first (it is whole); only then is the kept robot's closed.
        Assert.Equal(["record:exited:test", "sample-exit:test", "record:verdict", "ended"], kept.Exited("test", 0, 1.0));
        Assert.Empty(kept.SamplingEnded());
        Assert.Equal(["close-logs"], kept.LogEnded("test"));
        Assert.Equal(["report-kept"], kept.LogEnded("robot"));
        Assert.True(kept.State.IsDone);
        Assert.DoesNotContain(kept.Effects, e => e.StartsWith("stop:", StringComparison.Ordinal) || e == "remove");
        Assert.True(Assert.Single(kept.Commands.OfType<RunCommand.CloseLogs>()).Kept);
    }

    [Fact]
    public void A_run_that_failed_is_torn_down_even_when_its_containers_were_to_be_kept_R19()
    {
        var kept = new PolicyRun([Orchestrator("test"), Service("robot")], keep: true);
        kept.BeginAndStartAll();

        Assert.Equal(["record:error", "ended"], kept.Apply(new RunInput.EngineLost("gone"), 1.0));
        Assert.Equal(["stop:robot", "stop:test"], kept.SamplingEnded());
        Assert.Equal(new RunEnding.Failed("gone", TimeSpan.FromSeconds(1)), kept.State.Ending);
    }

    [Fact]
    public void A_log_cut_in_the_teardown_of_a_failed_kept_run_is_a_gap_not_a_kept_end_R19_R21()
    {
        var kept = new PolicyRun([Orchestrator("test"), Service("robot")], keep: true);
        kept.BeginAndStartAll();
        kept.Apply(new RunInput.EngineLost("gone"), 1.0);
        kept.SamplingEnded();

        kept.StopDone("robot", "the container would not stop");
        kept.StopDone("test");
        kept.LogEnded("test");

        // The robot's log is cut because its stop failed: that output is lost, so the cut is no kept end.
        Assert.False(Assert.Single(kept.Commands.OfType<RunCommand.CloseLogs>()).Kept);
    }

    [Fact]
    public void A_cancellation_before_the_first_start_removes_the_run_and_starts_nothing_R19()
    {
        Assert.Equal(["record:cancelled", "ended"], run.Apply(new RunInput.Cancelled()));
        Assert.Empty(run.Apply(new RunInput.Begin()));
        Assert.Equal(["close-logs", "remove"], run.SamplingEnded());
        Assert.Equal(["record:removed"], run.Apply(new RunInput.RemoveDone(null)));
        Assert.True(run.State.IsDone);
        Assert.IsType<RunEnding.Cancelled>(run.State.Ending);
    }

    [Fact]
    public void A_set_up_that_never_reached_the_engine_has_nothing_to_stop_or_remove()
    {
        var unreached = new PolicyRun([Orchestrator("test")], connected: false);

        Assert.Equal(["record:error", "ended"], unreached.Apply(new RunInput.SetupFailed("no engine")));
        Assert.Equal(["close-logs"], unreached.SamplingEnded());
        Assert.True(unreached.State.IsDone);
    }

    [Fact]
    public void Events_after_the_verdict_change_nothing_and_are_not_recorded()
    {
        run.BeginAndStartAll();
        run.Exited("test", 0, 1.0);

        Assert.Empty(run.Exited("robot", 1, 1.1));
        Assert.Empty(run.Apply(new RunInput.EngineLost("gone"), 1.2));
        Assert.Empty(run.Apply(new RunInput.Cancelled(), 1.3));
        Assert.Equal(ExperienceVerdict.Passed, Assert.IsType<RunEnding.Decided>(run.State.Ending).Verdict.Verdict);
    }

    [Fact]
    public void The_verdict_is_stamped_when_it_is_reached_and_the_exit_with_the_engine_s_time()
    {
        run.BeginAndStartAll();
        run.Apply(new RunInput.Engine(LifecycleEvent.Exited("test", 0, TimeSpan.FromSeconds(1.0))), 1.25);

        var exited = Assert.Single(run.Records(TimelineKind.Exited));
        var verdict = Assert.Single(run.Records(TimelineKind.Verdict));
        Assert.Equal(TimeSpan.FromSeconds(0.25), verdict.Time - exited.Time);
    }

    [Fact]
    public void The_timeout_is_recorded_then_decides_and_teardown_stops_everything_R18_R19()
    {
        run.BeginAndStartAll();

        Assert.Equal(["record:timeout", "record:verdict", "ended"], run.Apply(new RunInput.Engine(LifecycleEvent.TimeoutElapsed(TimeSpan.FromMinutes(1))), 60));
        Assert.Equal(["stop:robot", "stop:test"], run.SamplingEnded());
        Assert.Equal("after 60.000 s", Assert.Single(run.Records(TimelineKind.Timeout)).Detail);
    }

    [Fact]
    public void A_removal_the_engine_refuses_is_a_teardown_problem_naming_the_run_s_label_R19()
    {
        run.Apply(new RunInput.Cancelled());
        run.SamplingEnded();
        run.Apply(new RunInput.RemoveDone("connection reset"));

        Assert.Equal("Teardown failed: connection reset Look for leftovers labelled ai.resim.testing.run=run1 (R19).", run.State.TeardownProblem);
        Assert.Equal(run.State.TeardownProblem, Assert.Single(run.Records(TimelineKind.Error)).Detail);
    }

    [Fact]
    public void A_restart_the_engine_refuses_ends_the_run_with_an_error_naming_the_service()
    {
        run.BeginAndStartAll();
        run.Exited("robot", 1, 1.0);
        run.LogEnded("robot", 1.0);

        Assert.Equal(["record:error", "ended"], run.Apply(new RunInput.StartDone("robot", new InvalidOperationException("boom")), 1.1));
        Assert.Equal(["stop:robot", "stop:test"], run.SamplingEnded());
        Assert.Equal("Could not restart service 'robot': boom", Assert.IsType<RunEnding.Failed>(run.State.Ending).Message);
    }

    [Theory]
    [InlineData(true, "No such image")]
    [InlineData(false, "The run failed unexpectedly: InvalidOperationException: No such image")]
    public void A_first_start_the_engine_refuses_ends_the_run_with_its_message(bool infrastructure, string message)
    {
        run.Apply(new RunInput.Begin());
        Exception error = infrastructure ? new ExperienceInfrastructureException("No such image") : new InvalidOperationException("No such image");

        run.Apply(new RunInput.StartDone("robot", error));
        run.SamplingEnded();

        Assert.Equal(message, Assert.IsType<RunEnding.Failed>(run.State.Ending).Message);
        // The refused container is stopped too, once the other start is answered: the engine may have started it all the same.
        Assert.Equal(["stop:robot", "stop:test"], run.StartDone("test"));
    }
}
