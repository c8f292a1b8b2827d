using System.Collections.Immutable;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Running;

/// <summary>The per-container work of a run: starts, restarts, log streams and stops.</summary>
internal sealed partial class RunSession
{
    public ImmutableArray<ServiceResult> ServiceResults() => [.. plan.Services.Select(s => new ServiceResult
    {
        Name = s.Name,
        IsOrchestrator = s.IsTestOrchestrator,
        ExitCodes = State.Services[s.Name].ExitCodes,
        Restarts = [.. restarts[s.Name]],
        LastHealth = State.Services[s.Name].LastHealth,
        StoppedAtTeardown = stoppedAtTeardown.Contains(s.Name),
        Resources = metricsFiles.Summary(s.Name),
        ResourcesPerStart = metricsFiles.PerStart(s.Name, metrics.Starts(s.Name)),
        LogFile = logs[s.Name].Path,
    })];

    public ImmutableArray<string> LastLogLines(string? service) => service is not null && logs.TryGetValue(service, out var log) ? log.Tail() : [];

    // Once teardown has begun nothing starts again; a start asked for before is tracked, so teardown stops it.
    private async Task<bool> StartAsync(string service, string? restartReason, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (tearingDown.IsCancellationRequested)
            {
                return false;
            }

            running.Add(service);
        }

        var id = containerIds[service];
        logs[service].BeginStart(restartReason);
        logTails.BeginStart(service, restartReason);
        metrics.OnStarted(service, id);
        await runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        metrics.OnRunning(service);
        logPumps[service] = PumpLogsAsync(service, id);
        return true;
    }

    private async Task PumpLogsAsync(string service, string containerId)
    {
        var log = logs[service];
        try
        {
            await foreach (var line in runtime.StreamLogsAsync(containerId, logStreams.Token).ConfigureAwait(false))
            {
                log.Append(line);
                observer?.OnLogLine(service, line.Stream, line.Text);
            }

            // A runtime may end a cancelled stream quietly (the Docker one does): the cut is still marked.
            if (logStreams.IsCancellationRequested)
            {
                log.Note("log stream still open at teardown; closed");
            }
        }
        catch (OperationCanceledException) when (logStreams.IsCancellationRequested)
        {
            log.Note("log stream still open at teardown; closed");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A broken log stream must not decide the experience; the gap is marked in the log itself.
            log.Note($"log stream broken: {exception.Message}");
        }
    }

    // A stream still delivering lines is waited for (a large log can take longer than the bound on a busy machine), up to
    // the teardown bound; one that delivers nothing for the drain bound is closed at teardown, the run does not wait for it.
    private async Task DrainAsync(IEnumerable<Task> pumps)
    {
        var all = Task.WhenAll(pumps);
        var started = time.GetTimestamp();
        for (var seen = LinesLogged(); ; seen = LinesLogged())
        {
            try
            {
                await all.WaitAsync(LogDrainBound, time).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                if (LinesLogged() == seen || time.GetElapsedTime(started) >= TeardownBound)
                {
                    return;
                }
            }
        }
    }

    private long LinesLogged() => logs.Values.Sum(log => log.Lines);

    private async Task StopAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.StopContainerAsync(containerIds[service], experience.StopGracePeriod, cancellationToken).ConfigureAwait(false);
            lock (stoppedAtTeardown)
            {
                stoppedAtTeardown.Add(service);
            }

            Record(service, "stopped", $"grace period {LifecyclePolicy.Format(experience.StopGracePeriod)}");
        }
        catch (Exception exception)
        {
            // Removing the run kills it anyway; a failed stop, whatever the cause, is only recorded.
            lock (stoppedAtTeardown)
            {
                stopFailed.Add(service);
            }

            Record(service, "stop-failed", exception.Message);
        }
    }
}
