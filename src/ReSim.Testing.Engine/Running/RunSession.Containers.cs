using System.Collections.Immutable;
using System.Text;
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
        Resources = metrics.Summary(s.Name),
        LogFile = logs[s.Name].Path,
        LogGaps = logs[s.Name].Gaps(),
    })];

    public LogExcerpt LastLogLines(string? service) => service is not null && logs.TryGetValue(service, out var log) ? log.Excerpt() : LogExcerpt.Empty;

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
        await runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        logPumps[service] = PumpLogsAsync(service, id);
        return true;
    }

    private async Task PumpLogsAsync(string service, string containerId)
    {
        var log = logs[service];
        long bytes = 0;
        try
        {
            await foreach (var line in runtime.StreamLogsAsync(containerId, logStreams.Token).ConfigureAwait(false))
            {
                log.Append(line);
                bytes += (line.Bytes.IsEmpty ? Encoding.UTF8.GetByteCount(line.Text) : line.Bytes.Length) + 1;
                observer?.OnLogLine(service, line.Stream, line.Text);
            }

            // Only a container that could not be stopped has its stream closed before the end (a runtime may end it quietly).
            if (logStreams.IsCancellationRequested)
            {
                log.Gap(CutAtTeardown(bytes));
            }
        }
        catch (OperationCanceledException) when (logStreams.IsCancellationRequested)
        {
            log.Gap(CutAtTeardown(bytes));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A log that cannot be read to its end must not decide the experience; the gap is marked in the log and the result.
            log.Gap(exception.Message);
        }
    }

    private static string CutAtTeardown(long bytes) =>
        $"the container could not be stopped, so its log was closed at teardown after {bytes} bytes of this start; whatever followed is lost";

    // Every container that stopped has its whole log on the engine, so its stream is read to the end however long that takes;
    // only the streams of containers that could not be stopped are closed.
    private static Task DrainAsync(IEnumerable<Task> pumps) => Task.WhenAll(pumps);

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
