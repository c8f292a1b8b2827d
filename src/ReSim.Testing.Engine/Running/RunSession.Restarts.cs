using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Running;

/// <summary>The restarts of a run: decided on the event loop, carried out off it after their back-off.</summary>
/// <remarks>
/// The loop only records a restart and schedules it, so a verdict arriving while an old log drains or a back-off runs is
/// recorded at once. The session itself tracks which containers it started (or is about to start) and has not seen exit:
/// the policy's view lags the engine by the start event, and teardown must stop a container restarted just before the verdict.
/// </remarks>
internal sealed partial class RunSession
{
    private void Track(LifecycleEvent lifecycleEvent)
    {
        if (lifecycleEvent.Service is not { } service)
        {
            return;
        }

        if (lifecycleEvent.Kind == LifecycleEventKind.Started)
        {
            lastStarted[service] = lifecycleEvent.At;
        }
        else if (lifecycleEvent.Kind == LifecycleEventKind.Exited)
        {
            lock (gate)
            {
                running.Remove(service);
            }
        }
    }

    private void ScheduleRestart(RestartDecision restart, CancellationToken cancellationToken)
    {
        TimeSpan? ran = lastStarted.TryGetValue(restart.Service, out var started) ? restart.At - started : null;
        var earlier = RestartBackoff.InARow(restartsInARow.GetValueOrDefault(restart.Service), ran);
        restartsInARow[restart.Service] = earlier + 1;
        var delay = RestartBackoff.Delay(earlier);
        var reason = delay == TimeSpan.Zero ? $"{restart.Reason}; restarted at once" : $"{restart.Reason}; restarted after a back-off of {LifecyclePolicy.Format(delay)}";
        restarts[restart.Service].Add(new RestartRecord(restart.At, restart.ExitCode, reason) { Cause = restart.Cause });
        Record(restart.Service, "restarted", reason);
        lock (gate)
        {
            restartTasks.Add(RestartAsync(restart.Service, reason, delay, cancellationToken));
        }
    }

    // The previous start's stream is drained first, so each start's lines sit under its own header.
    private async Task RestartAsync(string service, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, tearingDown.Token).ConfigureAwait(false);
            }

            if (logPumps.TryGetValue(service, out var previous))
            {
                await DrainAsync([previous]).ConfigureAwait(false);
            }

            if (!await StartAsync(service, reason, cancellationToken).ConfigureAwait(false))
            {
                Record(service, "restart-cancelled", "the experience ended first");
            }
        }
        catch (OperationCanceledException) when (tearingDown.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            // Teardown began during the back-off, or the run was cancelled: the restart is moot.
            Record(service, "restart-cancelled", "the experience ended first");
        }
        catch (Exception exception)
        {
            // The loop is waiting for events: a restart that could not be made ends the run as an infrastructure error.
            feed?.Fail(exception is ExperienceInfrastructureException ? exception : new ExperienceInfrastructureException($"Could not restart service '{service}': {exception.Message}", exception));
        }
    }
}
