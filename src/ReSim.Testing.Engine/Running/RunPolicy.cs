using System.Collections.Immutable;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>A run from its first start to its removal as a pure function: one input and the state in, the next state and the commands out.</summary>
/// <remarks>
/// <para>The lifecycle rules (<see cref="LifecyclePolicy"/>, R14-R18) decide restarts and the verdict; this adds what a run
/// does about them, so restart-versus-verdict and the teardown order are decided here, the same way every time:</para>
/// <list type="bullet">
/// <item>A restart waits for its back-off, for the engine's answer to the start before it and for that start's log to be
/// read to its end, so each start's lines sit under its own header in the log.</item>
/// <item>Once the run has ended (verdict, error or cancellation) engine events change nothing, and a restart not made
/// yet is cancelled (<c>restart-cancelled</c>); a start already asked for is waited for, then stopped with the rest.</item>
/// <item>Teardown (R19): once metrics sampling has ended (each running container's last reading taken), every container asked to start and not seen to exit is stopped; then the log of every stopped
/// container is read to its end, however long that takes; then the streams of containers that could not be stopped are
/// closed (the gap marked) and the run is removed. Kept containers are not stopped: their logs are closed instead.</item>
/// </list>
/// <para>No I/O and no clock: <c>now</c> comes with each input, and the same inputs always give the same commands.</para>
/// </remarks>
internal static class RunPolicy
{
    private const string EndedFirst = "the experience ended first";

    /// <summary>Applies one input.</summary>
    /// <param name="state">The state before it.</param>
    /// <param name="input">The input.</param>
    /// <param name="now">When the loop took it.</param>
    /// <returns>The next state and the commands to carry out, in order.</returns>
    public static RunStep Apply(RunState state, RunInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var step = new Step(state, now);
        if (!state.IsDone)
        {
            step.Take(input);
            if (step.State.Ending is not null)
            {
                step.Advance();
            }
        }

        return new(step.State, step.Commands.ToImmutable());
    }

    private sealed class Step(RunState state, DateTimeOffset now)
    {
        public RunState State { get; private set; } = state;

        public ImmutableArray<RunCommand>.Builder Commands { get; } = ImmutableArray.CreateBuilder<RunCommand>();

        private bool Running => State.Ending is null;

        public void Take(RunInput input)
        {
            switch (input)
            {
                case RunInput.Begin when Running:
                    Begin();
                    break;
                case RunInput.SetupFailed failed when Running:
                    Fail(failed.Message);
                    break;
                case RunInput.Cancelled when Running:
                    Record(null, TimelineKind.Cancelled, null);
                    End(new RunEnding.Cancelled());
                    break;
                case RunInput.Engine engine when Running:
                    OnEvent(engine.Event);
                    break;
                case RunInput.EngineLost lost when Running:
                    Fail(lost.Message);
                    break;
                case RunInput.BackoffElapsed elapsed:
                    OnBackoffElapsed(elapsed.Service);
                    break;
                case RunInput.StartDone done:
                    OnStartDone(done);
                    break;
                case RunInput.LogEnded ended:
                    Update(ended.Service, s => s with { LogOpen = false });
                    StartIfReady(ended.Service);
                    break;
                case RunInput.StopDone stop:
                    OnStopDone(stop);
                    break;
                case RunInput.SamplingEnded:
                    State = State with { SamplingEnded = true };
                    break;
                case RunInput.RemoveDone removed:
                    OnRemoveDone(removed.Error);
                    break;
            }
        }

        // Teardown, one stage after the other; called after every input once the run has ended, it asks for each stage once.
        public void Advance()
        {
            // Sampling ends first, so the last reading of a container still running is taken before it is stopped.
            var services = State.Services.Values;
            if (!State.SamplingEnded || services.Any(s => s.Starting))
            {
                return;
            }

            if (State is { Ending: RunEnding.Decided, KeepContainers: true })
            {
                // A container that has exited ends its log by itself: read to the end, it is whole. Only the logs of the
                // containers kept running are cut at the verdict.
                if (services.Any(s => s is { LogOpen: true, Live: false }))
                {
                    return;
                }

                CloseLogs(kept: true);
                if (!services.Any(s => s.LogOpen))
                {
                    Commands.Add(new RunCommand.ReportKept());
                    State = State with { IsDone = true };
                }

                return;
            }

            foreach (var service in services.Where(s => s is { Live: true, Stop: StopProgress.None } && State.Connected))
            {
                Update(service.Name, s => s with { Stop = StopProgress.Stopping });
                Commands.Add(new RunCommand.Stop(service.Name));
            }

            services = State.Services.Values;
            if (services.Any(s => s.Stop == StopProgress.Stopping || (s.LogOpen && s.Stop != StopProgress.Failed)))
            {
                return;
            }

            CloseLogs(kept: false);
            if (State.Connected && !State.RemoveAsked)
            {
                State = State with { RemoveAsked = true };
                Commands.Add(new RunCommand.Remove());
            }

            if ((!State.Connected || State.RemoveAnswered) && !services.Any(s => s.LogOpen))
            {
                State = State with { IsDone = true };
            }
        }

        private void Begin()
        {
            Commands.Add(new RunCommand.ArmTimeout());
            foreach (var service in State.Services.Keys)
            {
                StartNow(service, null);
            }
        }

        private void OnEvent(LifecycleEvent lifecycleEvent)
        {
            var at = (State.Origin ?? now) + lifecycleEvent.At;
            var service = lifecycleEvent.Service;
            switch (lifecycleEvent.Kind)
            {
                case LifecycleEventKind.Started:
                    Record(at, service, TimelineKind.Started, null);
                    Update(service!, s => s with { LastStarted = lifecycleEvent.At });
                    break;
                case LifecycleEventKind.Exited:
                    Record(at, service, TimelineKind.Exited, $"exit code {lifecycleEvent.ExitCode}");
                    Commands.Add(new RunCommand.SampleExit(service!));
                    Update(service!, s => s with { Live = false });
                    break;
                case LifecycleEventKind.Healthy:
                    Record(at, service, TimelineKind.Healthy, null);
                    break;
                case LifecycleEventKind.Unhealthy:
                    Record(at, service, TimelineKind.Unhealthy, null);
                    break;
                default:
                    Record(at, null, TimelineKind.Timeout, $"after {LifecyclePolicy.Format(State.Timeout)}");
                    break;
            }

            var decided = LifecyclePolicy.Decide(State.Lifecycle, lifecycleEvent);
            State = State with { Lifecycle = decided.State };
            foreach (var restart in decided.Restarts)
            {
                Schedule(restart);
            }

            if (decided.Verdict is { } verdict)
            {
                // Stamped when reached, not with the deciding event's time, so exit-to-verdict latency can be read off the timeline.
                Record(verdict.Service, TimelineKind.Verdict, $"{verdict.Verdict}: {verdict.Message}");
                End(new RunEnding.Decided(verdict));
            }
        }

        private void Schedule(RestartDecision restart)
        {
            var service = State.Services[restart.Service];
            TimeSpan? ran = service.LastStarted is { } started ? restart.At - started : null;
            var earlier = RestartBackoff.InARow(service.RestartsInARow, ran);
            var delay = RestartBackoff.Delay(earlier);
            var reason = delay == TimeSpan.Zero ? $"{restart.Reason}; restarted at once" : $"{restart.Reason}; restarted after a back-off of {LifecyclePolicy.Format(delay)}";
            State = State.With(service with
            {
                RestartsInARow = earlier + 1,
                Restarts = service.Restarts.Add(new RestartRecord(restart.At, restart.ExitCode, reason) { Cause = restart.Cause }),
                Pending = new PendingRestart(reason, BackoffElapsed: delay == TimeSpan.Zero),
            });
            Record(restart.Service, TimelineKind.Restarted, reason);
            if (delay > TimeSpan.Zero)
            {
                Commands.Add(new RunCommand.WaitBackoff(restart.Service, delay));
            }
            else
            {
                StartIfReady(restart.Service);
            }
        }

        private void OnBackoffElapsed(string service)
        {
            if (Running && State.Services[service].Pending is { BackoffElapsed: false } pending)
            {
                Update(service, s => s with { Pending = pending with { BackoffElapsed = true } });
                StartIfReady(service);
            }
        }

        private void OnStartDone(RunInput.StartDone done)
        {
            Update(done.Service, s => s with { Starting = false, LogOpen = done.Error is null });
            if (done.Error is { } error)
            {
                var restarted = State.Services[done.Service].Restarts.Length > 0;
                var message = error is ExperienceInfrastructureException
                    ? error.Message
                    : restarted ? $"Could not restart service '{done.Service}': {error.Message}" : $"The run failed unexpectedly: {error.GetType().Name}: {error.Message}";
                if (Running)
                {
                    Fail(message);
                }
                else
                {
                    Record(done.Service, TimelineKind.Error, message);
                }
            }
            else
            {
                StartIfReady(done.Service);
            }
        }

        private void OnStopDone(RunInput.StopDone stop)
        {
            if (stop.Error is { } error)
            {
                // Removing the run kills it anyway; a failed stop, whatever the cause, is only recorded.
                Update(stop.Service, s => s with { Stop = StopProgress.Failed });
                Record(stop.Service, TimelineKind.StopFailed, error);
            }
            else
            {
                Update(stop.Service, s => s with { Stop = StopProgress.Stopped });
                Record(stop.Service, TimelineKind.Stopped, $"grace period {LifecyclePolicy.Format(State.StopGracePeriod)}");
            }
        }

        private void OnRemoveDone(string? error)
        {
            State = State with { RemoveAnswered = true };
            if (error is null)
            {
                Record(null, TimelineKind.Removed, State.RunId);
                return;
            }

            var problem = $"Teardown failed: {error} Look for leftovers labelled {RunLabels.Run}={State.RunId} (R19).";
            State = State with { TeardownProblem = problem };
            Record(null, TimelineKind.Error, problem);
        }

        // A restart is made once its back-off is over, the engine has answered the start before it and that start's log has ended.
        private void StartIfReady(string service)
        {
            if (Running && State.Services[service] is { Pending: { BackoffElapsed: true } pending, Starting: false, LogOpen: false })
            {
                StartNow(service, pending.Reason);
            }
        }

        private void StartNow(string service, string? restartReason)
        {
            Update(service, s => s with { Live = true, Starting = true, Pending = null });
            Commands.Add(new RunCommand.Start(service, restartReason));
        }

        private void Fail(string message)
        {
            Record(null, TimelineKind.Error, message);
            End(new RunEnding.Failed(message, Since(now)));
        }

        private void End(RunEnding ending)
        {
            State = State with { Ending = ending };
            Commands.Add(new RunCommand.Ended());
            foreach (var service in State.Services.Values.Where(s => s.Pending is not null))
            {
                Update(service.Name, s => s with { Pending = null });
                Record(service.Name, TimelineKind.RestartCancelled, EndedFirst);
            }
        }

        private void CloseLogs(bool kept)
        {
            if (!State.LogsClosed)
            {
                State = State with { LogsClosed = true };
                Commands.Add(new RunCommand.CloseLogs(kept));
            }
        }

        private void Update(string service, Func<ServiceRun, ServiceRun> change) => State = State.With(change(State.Services[service]));

        private void Record(string? service, TimelineKind kind, string? detail) => Record(now, service, kind, detail);

        private void Record(DateTimeOffset at, string? service, TimelineKind kind, string? detail) => Commands.Add(new RunCommand.Record(at, service, kind, detail));

        private TimeSpan Since(DateTimeOffset moment) => RunState.Since(State.Origin, moment);
    }
}
