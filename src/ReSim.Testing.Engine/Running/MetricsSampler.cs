using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>Samples each start of each container (R22): as soon as it runs, then every interval, and last at its exit.</summary>
/// <remarks>
/// Each start has its own loop, begun just before the engine is asked to start the container, that reads the counters
/// every <see cref="PollPeriod"/> (or every interval, if shorter): until the first reading, a container not running yet
/// is polled again every 10 ms; after it, one that is not running has ended. A row is written when an interval has passed since the last. When the start ends (its exit is seen, the container is gone,
/// or the run stops sampling) the newest reading is written too, so the last row is at most one poll period before the
/// counters went away; the engine records the exit 50-120 ms after that (docs/design.md, "Metrics (R22)"). When the
/// run stops sampling (its verdict) while a container still runs, one more reading is taken then, so even a run shorter
/// than the poll period has two rows of each such container and its CPU. CPU is the CPU time between two rows over the
/// time between them; a start's first row has none. An interval of zero or less turns sampling off.
/// </remarks>
internal sealed class MetricsSampler(IContainerRuntime runtime, MetricsFiles files, TimeSpan interval, TimeProvider time) : IDisposable
{
    /// <summary>How often a running container's counters are read, at most.</summary>
    public static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(100);

    // The least time between a start's newest reading and a last one taken when sampling ends, and how long that may take.
    private static readonly TimeSpan FinalReadingGap = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FinalReadingBound = TimeSpan.FromMilliseconds(500);

    // Until the first reading the container is asked for more often, so one that lives a few tens of milliseconds is seen.
    private static readonly TimeSpan FirstReadingPoll = TimeSpan.FromMilliseconds(10);

    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, (CancellationTokenSource Exited, Task Loop)> current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> runningSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> startCounts = new(StringComparer.Ordinal);
    private readonly List<Task> loops = [];
    private readonly object gate = new();
    private DateTimeOffset origin;

    public int Starts(string service)
    {
        lock (gate)
        {
            return startCounts.GetValueOrDefault(service);
        }
    }

    public void Begin(DateTimeOffset experienceOrigin) => origin = experienceOrigin;

    /// <summary>Starts sampling a start of <paramref name="service"/>; call it just before the engine is asked to start the container.</summary>
    /// <param name="service">The service.</param>
    /// <param name="containerId">Its container.</param>
    public void OnStarted(string service, string containerId)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        lock (gate)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            End(service);
            runningSince.Remove(service);
            var start = startCounts[service] = startCounts.GetValueOrDefault(service) + 1;
            var exited = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var loop = SampleAsync(service, start, containerId, exited.Token);
            current[service] = (exited, loop);
            loops.Add(loop);
        }
    }

    /// <summary>The engine has started the container of <paramref name="service"/>: readings from now on are the start's rows.</summary>
    /// <param name="service">The service.</param>
    /// <remarks>Readings before it (the cgroup exists a little before the container's own process runs, with the runtime's
    /// set-up process in it) are only kept in case the start ends before any later reading.</remarks>
    public void OnRunning(string service)
    {
        lock (gate)
        {
            runningSince[service] = time.GetUtcNow();
        }
    }

    /// <summary>The current start of <paramref name="service"/> has exited: its newest reading is written as its last row.</summary>
    /// <param name="service">The service.</param>
    public void OnExited(string service)
    {
        lock (gate)
        {
            End(service);
        }
    }

    /// <summary>Ends every loop, writing each start's newest reading, and waits for them.</summary>
    /// <returns>A task that completes when every row is written.</returns>
    public async Task StopAsync()
    {
        Task[] all;
        Task cancelled;
        lock (gate)
        {
            cancelled = stopping.CancelAsync();
            all = [.. loops];
        }

        await cancelled.ConfigureAwait(false);
        await Task.WhenAll(all).ConfigureAwait(false);
        lock (gate)
        {
            foreach (var (exited, _) in current.Values)
            {
                exited.Dispose();
            }

            current.Clear();
        }
    }

    public void Dispose() => stopping.Dispose();

    // Whether the start whose loop watches exited is still the service's current one: not when its exit has been seen.
    private bool StillCurrent(string service, CancellationToken exited)
    {
        lock (gate)
        {
            return current.TryGetValue(service, out var running) && running.Exited.Token == exited;
        }
    }

    private void End(string service)
    {
        if (current.Remove(service, out var running))
        {
            // Cancelled off this thread: the loop's last row is written on the pool, not on the event loop that saw the exit.
            _ = running.Exited.CancelAsync();
            _ = running.Loop.ContinueWith(_ => running.Exited.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task SampleAsync(string service, int start, string containerId, CancellationToken exited)
    {
        await Task.Yield();
        var poll = interval < PollPeriod ? interval : PollPeriod;
        ResourceSample? early = null;
        ResourceSample? written = null;
        ResourceSample? newest = null;
        try
        {
            while (!exited.IsCancellationRequested)
            {
                var reading = await ReadAsync(containerId, exited).ConfigureAwait(false);
                if (reading is null && newest is not null)
                {
                    break;
                }

                // Until the engine has started the container a reading is only kept in reserve; after, the engine's stats may
                // hand out the same collection twice, so only a newer reading counts.
                var since = RunningSince(service);
                if (reading is not null && (since is null || reading.Time < since))
                {
                    early = reading;
                }
                else if (reading is not null && (newest is null || reading.Time > newest.Time))
                {
                    newest = reading;
                    if (written is null || reading.Time - written.Time >= interval)
                    {
                        Write(service, start, containerId, written, reading);
                        written = reading;
                    }
                }

                await Task.Delay(newest is null && poll > FirstReadingPoll ? FirstReadingPoll : poll, time, exited).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (exited.IsCancellationRequested)
        {
            // The start ended: its newest reading is written below.
        }

        // Sampling ends at the verdict while containers still run: one more reading now gives their last row the run's
        // end, and a start only one reading old its CPU. Not for a start that exited (its counters are gone) nor within
        // FinalReadingGap of the newest reading, where the kernel's CPU accounting (a tick of a few milliseconds) would
        // weigh too much.
        if (stopping.IsCancellationRequested && newest is not null && newest.Time + FinalReadingGap <= time.GetUtcNow() && StillCurrent(service, exited))
        {
            using var bound = new CancellationTokenSource(FinalReadingBound);
            try
            {
                if (await ReadAsync(containerId, bound.Token).ConfigureAwait(false) is { } last && last.Time > newest.Time)
                {
                    newest = last;
                }
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                // The engine took too long: the newest reading stays the last row.
            }
        }

        if (newest is not null && !ReferenceEquals(newest, written))
        {
            Write(service, start, containerId, written, newest);
        }
        else if (newest is null && early is not null)
        {
            // The start ended before the engine said it ran: its one reading is all there is of it.
            Write(service, start, containerId, null, early);
        }
    }

    private DateTimeOffset? RunningSince(string service)
    {
        lock (gate)
        {
            return runningSince.TryGetValue(service, out var since) ? since : null;
        }
    }

    private async Task<ResourceSample?> ReadAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.SampleAsync(containerId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Metrics are best effort: a container removed between two readings ends its samples, it does not fail the run.
            return null;
        }
    }

    private void Write(string service, int start, string containerId, ResourceSample? previous, ResourceSample reading)
    {
        TimeSpan? cpuUsed = previous is not null && reading.CpuTime >= previous.CpuTime ? reading.CpuTime - previous.CpuTime : null;
        var wall = previous is null ? TimeSpan.Zero : reading.Time - previous.Time;
        var percent = cpuUsed is { } used && wall > TimeSpan.Zero ? ResourceAccumulator.Percent(used, wall) : (double?)null;
        var elapsed = RunState.Since(origin, reading.Time).TotalSeconds;
        files.Add(new MetricsPoint(reading.Time, elapsed, service, start, containerId, percent, reading.MemoryBytes), cpuUsed, wall);
    }
}
