using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>Carries out a run's <see cref="RunCommand"/>s against the runtime and the run's files, and posts each outcome back to the loop.</summary>
/// <remarks>
/// <see cref="Execute"/> is called on the loop, one command after the other, and never blocks: work that waits for the
/// engine or a timer runs on its own and ends by posting a <see cref="RunInput"/>. Nothing here decides anything: which
/// container to start or stop, and when, is the policy's (<see cref="RunPolicy"/>).
/// </remarks>
internal sealed class RunEffects : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RemoveBound = TimeSpan.FromSeconds(30);

    private readonly IContainerRuntime runtime;
    private readonly Experience experience;
    private readonly RunPlan plan;
    private readonly RunRecords records;
    private readonly MetricsSampler metrics;
    private readonly ImmutableDictionary<string, string> containerIds;
    private readonly EventFeed feed;
    private readonly DateTimeOffset origin;
    private readonly TimeProvider time;
    private readonly Action<RunInput> post;
    private readonly CancellationToken cancelled;
    private readonly CancellationTokenSource timers = new();
    private readonly CancellationTokenSource logStreams = new();
    private readonly CancellationTokenSource stopBound = new();
    private readonly ConcurrentQueue<Task> work = new();
    private bool stopping;

    // Set by CloseLogs before the streams are cancelled, read by the readers that the cancellation ends.
    private volatile bool logsKept;

    /// <summary>Creates the executor of one run whose containers are created.</summary>
    /// <param name="run">What the run has: runtime, experience, plan, files, sampler and clock.</param>
    /// <param name="containerIds">Each service's container.</param>
    /// <param name="origin">When the experience started.</param>
    /// <param name="post">Where outcomes go: the loop.</param>
    /// <param name="cancelled">The caller's cancellation: a start it interrupts posts <see cref="RunInput.Cancelled"/> first.</param>
    public RunEffects(RunContext run, ImmutableDictionary<string, string> containerIds, DateTimeOffset origin, Action<RunInput> post, CancellationToken cancelled)
    {
        (runtime, experience, plan, records, metrics, time) = (run.Runtime, run.Experience, run.Plan, run.Records, run.Metrics, run.Time);
        this.containerIds = containerIds;
        this.origin = origin;
        this.post = post;
        this.cancelled = cancelled;
        feed = new EventFeed(containerIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal), origin, post);
    }

    /// <summary>Subscribes to the engine's events of the run: call it before the first start.</summary>
    public void Watch() => feed.Subscribe(runtime, plan.RunId);

    /// <summary>Carries out one command; work that waits runs on its own.</summary>
    /// <param name="command">The command.</param>
    public void Execute(RunCommand command)
    {
        switch (command)
        {
            case RunCommand.Record record:
                records.Timeline.Record(new TimelineEntry(record.Time, RunState.Since(origin, record.Time), record.Service, record.Kind.Text(), record.Detail));
                break;
            case RunCommand.ArmTimeout:
                Track(TimeoutAsync());
                break;
            case RunCommand.Start start:
                Track(StartAsync(start.Service, start.RestartReason));
                break;
            case RunCommand.WaitBackoff backoff:
                Track(BackoffAsync(backoff.Service, backoff.Delay));
                break;
            case RunCommand.SampleExit exit:
                metrics.OnExited(exit.Service);
                break;
            case RunCommand.Ended:
                timers.Cancel();
                Track(StopSamplingAsync());
                break;
            case RunCommand.Stop stop:
                if (!stopping)
                {
                    // One bound for every stop of the teardown, counted from the first.
                    stopping = true;
                    stopBound.CancelAfter(experience.Settings.StopGracePeriod + StopBound);
                }

                Track(StopAsync(stop.Service));
                break;
            case RunCommand.CloseLogs close:
                logsKept = close.Kept;
                logStreams.Cancel();
                break;
            case RunCommand.Remove:
                Track(RemoveAsync());
                break;
            case RunCommand.ReportKept:
                Track(ReportKeptAsync());
                break;
        }
    }

    /// <summary>Waits for all work begun; once the loop is done nothing is left but endings.</summary>
    /// <returns>A task that completes when every piece of work has.</returns>
    public async Task WhenAllDoneAsync()
    {
        while (work.TryDequeue(out var task))
        {
            await task.ConfigureAwait(false);
        }
    }

    /// <summary>Abandons the run after a fault of the loop itself: cancels everything and removes the run.</summary>
    /// <returns>A task that completes when the removal has been tried.</returns>
    public async Task AbandonAsync()
    {
        await timers.CancelAsync().ConfigureAwait(false);
        await logStreams.CancelAsync().ConfigureAwait(false);
        await RemoveAsync().ConfigureAwait(false);
        await WhenAllDoneAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await feed.DisposeAsync().ConfigureAwait(false);
        timers.Dispose();
        logStreams.Dispose();
        stopBound.Dispose();
    }

    private TimeSpan Elapsed => RunState.Since(origin, time.GetUtcNow());

    private void Track(Task task) => work.Enqueue(task);

    private async Task TimeoutAsync()
    {
        // Task.Delay takes at most about 49 days; a longer timeout is as good as none.
        var after = experience.Settings.Timeout;
        if (after < TimeSpan.Zero || after.TotalDays > 49)
        {
            return;
        }

        try
        {
            // Timers and the wall clock the event times use differ: a timer may fire a little early, so wait out the rest.
            for (var remaining = after; remaining > TimeSpan.Zero; remaining = after - Elapsed)
            {
                await Task.Delay(remaining, time, timers.Token).ConfigureAwait(false);
            }

            post(new RunInput.Engine(LifecycleEvent.TimeoutElapsed(Elapsed)));
        }
        catch (OperationCanceledException) when (timers.IsCancellationRequested)
        {
            // The run ended before its timeout.
        }
    }

    // Teardown waits for this input, so it comes whatever happens; a sampler that failed is said in the timeline.
    private async Task StopSamplingAsync()
    {
        try
        {
            await metrics.StopAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Record(null, TimelineKind.Error, $"The last metrics rows could not be written: {exception.Message}");
        }
        finally
        {
            post(new RunInput.SamplingEnded());
        }
    }

    private async Task BackoffAsync(string service, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, timers.Token).ConfigureAwait(false);
            post(new RunInput.BackoffElapsed(service));
        }
        catch (OperationCanceledException) when (timers.IsCancellationRequested)
        {
            // The run ended during the back-off: the policy has cancelled the restart.
        }
    }

    private async Task StartAsync(string service, string? restartReason)
    {
        var id = containerIds[service];
        records.Logs[service].BeginStart(restartReason);
        records.Tails.BeginStart(service, restartReason);
        metrics.OnStarted(service, id);
        try
        {
            await runtime.StartContainerAsync(id, cancelled).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (cancelled.IsCancellationRequested)
            {
                // The cancellation is what ended the start: the loop hears of it first.
                post(new RunInput.Cancelled());
            }

            post(new RunInput.StartDone(service, exception));
            return;
        }

        metrics.OnRunning(service);
        // Posted before the log is read, so the loop learns of the start before the end of its log.
        post(new RunInput.StartDone(service, null));
        Track(ReadLogAsync(service, id));
    }

    private async Task ReadLogAsync(string service, string containerId)
    {
        var log = records.Logs[service];
        long bytes = 0;
        try
        {
            await foreach (var line in runtime.StreamLogsAsync(containerId, logStreams.Token).ConfigureAwait(false))
            {
                log.Append(line);
                bytes += (line.Bytes.IsEmpty ? Encoding.UTF8.GetByteCount(line.Text) : line.Bytes.Length) + 1;
                records.Observer.OnLogLine(service, line.Stream, line.Text);
            }

            // Only a container that could not be stopped (or is kept) has its stream closed before the end; a runtime may end it quietly.
            if (logStreams.IsCancellationRequested)
            {
                CutAtTeardown(log, bytes);
            }
        }
        catch (OperationCanceledException) when (logStreams.IsCancellationRequested)
        {
            CutAtTeardown(log, bytes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A log that cannot be read to its end must not decide the experience; the gap is marked in the log and the result.
            log.Gap(exception.Message);
        }
        finally
        {
            post(new RunInput.LogEnded(service));
        }
    }

    // A kept container's log is cut on purpose (the container and its log are still there); any other cut loses output.
    // Kept is the policy's decision, not the setting: a kept run that fails or is cancelled is torn down as usual.
    private void CutAtTeardown(ServiceLog log, long bytes)
    {
        if (logsKept)
        {
            log.EndKept($"the container was kept running after the verdict, so its log here ends after {bytes} bytes of this start; `docker logs` of the kept container has the rest");
        }
        else
        {
            log.Gap($"the container could not be stopped, so its log was closed at teardown after {bytes} bytes of this start; whatever followed is lost");
        }
    }

    private async Task StopAsync(string service)
    {
        try
        {
            await runtime.StopContainerAsync(containerIds[service], experience.Settings.StopGracePeriod, stopBound.Token).ConfigureAwait(false);
            post(new RunInput.StopDone(service, null));
        }
        catch (Exception exception)
        {
            post(new RunInput.StopDone(service, exception.Message));
        }
    }

    private async Task RemoveAsync()
    {
        await feed.DisposeAsync().ConfigureAwait(false);
        using var bound = new CancellationTokenSource(RemoveBound);
        try
        {
            await runtime.RemoveRunAsync(plan.RunId, bound.Token).ConfigureAwait(false);
            post(new RunInput.RemoveDone(null));
        }
        catch (Exception exception)
        {
            post(new RunInput.RemoveDone(exception.Message));
        }
    }

    private async Task ReportKeptAsync()
    {
        await feed.DisposeAsync().ConfigureAwait(false);
        runtime.ForgetRun(plan.RunId);
        foreach (var container in plan.Containers)
        {
            Record(container.Service, TimelineKind.Kept, container.Name);
        }

        Record(null, TimelineKind.Kept, $"remove with: {plan.RemoveCommand}");
    }

    private void Record(string? service, TimelineKind kind, string detail) =>
        Execute(new RunCommand.Record(time.GetUtcNow(), service, kind, detail));
}
