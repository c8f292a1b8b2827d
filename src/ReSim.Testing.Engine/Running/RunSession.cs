using System.Collections.Concurrent;
using System.Collections.Immutable;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>One run of an experience on a runtime: creates its objects, drives the <see cref="LifecyclePolicy"/> from the engine's events, and tears down.</summary>
/// <remarks>The runner holds no state; this context does, for one run only.</remarks>
internal sealed partial class RunSession : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RemoveBound = TimeSpan.FromSeconds(30);

    private readonly IContainerRuntime runtime;
    private readonly Experience experience;
    private readonly RunPlan plan;
    private readonly ReportObserver observer;
    private readonly TimeProvider time;
    private readonly Dictionary<string, string> containerIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceLog> logs;
    private readonly ConcurrentDictionary<string, Task> logPumps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RestartRecord>> restarts;
    private readonly HashSet<string> stoppedAtTeardown = new(StringComparer.Ordinal);
    private readonly HashSet<string> stopFailed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource logStreams = new();
    private readonly CancellationTokenSource tearingDown = new();
    private readonly object gate = new();
    private readonly HashSet<string> running = new(StringComparer.Ordinal);
    private readonly List<Task> restartTasks = [];
    private readonly Dictionary<string, TimeSpan> lastStarted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> restartsInARow = new(StringComparer.Ordinal);
    private readonly Timeline timeline;
    private readonly LogTails logTails = new();
    private readonly MetricsFiles metricsFiles;
    private readonly MetricsSampler metrics;
    private EventFeed? feed;
    private bool connected;
    private DateTimeOffset? origin;

    public RunSession(IContainerRuntime runtime, Experience experience, RunPlan plan, RunPaths paths, IExperienceObserver? observer, TimeProvider time)
    {
        this.runtime = runtime;
        this.experience = experience;
        this.plan = plan;
        this.observer = new ReportObserver(logTails, observer);
        this.time = time;
        logs = plan.Services.ToDictionary(s => s.Name, s => new ServiceLog(paths.LogFile(s.Name)), StringComparer.Ordinal);
        restarts = plan.Services.ToDictionary(s => s.Name, _ => new List<RestartRecord>(), StringComparer.Ordinal);
        timeline = new Timeline(paths.Timeline, this.observer);
        metricsFiles = new MetricsFiles(paths.Metrics, paths.ResourceMetrics);
        metrics = new MetricsSampler(runtime, metricsFiles, experience.MetricsInterval, time);
        State = LifecycleState.Initial(plan.Services);
    }

    public LifecycleState State { get; private set; }

    /// <summary>What the engine cannot do as the platform does (<see cref="RuntimeInfo.Limitations"/>); empty before connecting.</summary>
    public ImmutableArray<string> EngineLimitations { get; private set; } = [];

    /// <summary>How long ago the containers were started; zero before.</summary>
    public TimeSpan Elapsed => Since(time.GetUtcNow());

    /// <summary>Creates the run's objects, starts every container together (R14) and applies the lifecycle rules until the verdict.</summary>
    /// <param name="cancellationToken">Cancels the run; the caller still calls <see cref="TearDownAsync"/>.</param>
    /// <returns>The verdict.</returns>
    public async Task<LifecycleVerdict> RunToVerdictAsync(CancellationToken cancellationToken)
    {
        EngineLimitations = [.. (await runtime.ConnectAsync(cancellationToken).ConfigureAwait(false)).Limitations];
        connected = true;
        await runtime.RemoveOrphansAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(plan.Containers.GroupBy(c => c.Image, StringComparer.Ordinal)
            .Select(image => runtime.EnsureImageAsync(image.First().Service, image.Key, experience.PullPolicy, cancellationToken))).ConfigureAwait(false);
        var sandboxId = await runtime.CreateSandboxAsync(plan.Sandbox, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(plan.Volumes.Select(v => runtime.CreateVolumeAsync(v, cancellationToken))).ConfigureAwait(false);
        var ids = await Task.WhenAll(plan.Containers.Select(c => runtime.CreateContainerAsync(c with { NetworkNamespaceOf = sandboxId }, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < ids.Length; i++)
        {
            containerIds[plan.Containers[i].Service] = ids[i];
            Record(plan.Containers[i].Service, "created", ids[i]);
        }

        feed = new EventFeed(containerIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal), time);
        origin = feed.Origin;
        metrics.Begin(feed.Origin);
        feed.Subscribe(runtime, plan.RunId);
        feed.StartTimeout(experience.Timeout);
        await Task.WhenAll(plan.Services.Select(s => StartAsync(s.Name, null, cancellationToken))).ConfigureAwait(false);
        return await DecideAsync(feed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops what still runs (SIGTERM, then SIGKILL after the grace period), reads every log to its end and removes the run (R19).</summary>
    /// <returns>A task that completes when nothing of the run is left on the engine.</returns>
    /// <exception cref="ExperienceInfrastructureException">The run could not be removed; everything else was still tried.</exception>
    /// <remarks>
    /// Uses its own bounded time, not the run's token: it must happen after a cancellation too. Stopping has the grace
    /// period and 10 s; removal has 30 s of its own, so a slow stop cannot use up the time to remove. Between the two, the
    /// log of every stopped container is read to its end, however long that takes (the time grows with the log, not with
    /// a bound); only a container that could not be stopped has its log closed, marked as a gap. Pending back-offs are
    /// cancelled; restarts already under way are waited for, then stopped with the rest.
    /// </remarks>
    public async Task TearDownAsync()
    {
        await metrics.StopAsync().ConfigureAwait(false);
        await tearingDown.CancelAsync().ConfigureAwait(false);
        Task[] inFlight;
        lock (gate)
        {
            inFlight = [.. restartTasks];
        }

        try
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
            if (connected)
            {
                string[] toStop;
                lock (gate)
                {
                    toStop = [.. running.Where(containerIds.ContainsKey)];
                }

                using var stopBound = new CancellationTokenSource(experience.StopGracePeriod + StopBound);
                await Task.WhenAll(toStop.Select(s => StopAsync(s, stopBound.Token))).ConfigureAwait(false);
            }

            // A container the engine would not stop keeps its stream open until the run is removed: no use waiting for it.
            await DrainAsync(logPumps.Where(p => !stopFailed.Contains(p.Key)).Select(p => p.Value)).ConfigureAwait(false);
        }
        finally
        {
            await logStreams.CancelAsync().ConfigureAwait(false);
            try
            {
                await RemoveAsync().ConfigureAwait(false);
            }
            finally
            {
                await Task.WhenAll(logPumps.Values).ConfigureAwait(false);
            }
        }
    }

    public void Record(string? service, string kind, string? detail) => Record(time.GetUtcNow(), service, kind, detail);

    /// <summary>What the experience report shows of this run, for <paramref name="result"/>.</summary>
    /// <param name="result">The run's result.</param>
    /// <returns>The report's data.</returns>
    public ReportData ReportData(ExperienceResult result) => new(
        experience.Name ?? result.RunId,
        result,
        timeline.Entries,
        metricsFiles.Points,
        plan.Services.ToImmutableDictionary(s => s.Name, s => logTails.Of(s.Name), StringComparer.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (feed is not null)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var log in logs.Values)
        {
            log.Dispose();
        }

        timeline.Dispose();
        metrics.Dispose();
        metricsFiles.Dispose();
        logStreams.Dispose();
        tearingDown.Dispose();
    }

    private async Task RemoveAsync()
    {
        if (feed is not null)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
            feed = null;
        }

        if (connected)
        {
            using var removeBound = new CancellationTokenSource(RemoveBound);
            await runtime.RemoveRunAsync(plan.RunId, removeBound.Token).ConfigureAwait(false);
            Record(null, "removed", plan.RunId);
        }
    }

    private void Record(DateTimeOffset moment, string? service, string kind, string? detail) =>
        timeline.Record(new TimelineEntry(moment, Since(moment), service, kind, detail));

    private TimeSpan Since(DateTimeOffset moment) => origin is { } start && moment > start ? moment - start : TimeSpan.Zero;

    private async Task<LifecycleVerdict> DecideAsync(EventFeed events, CancellationToken cancellationToken)
    {
        await foreach (var lifecycleEvent in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            RecordEvent(events, lifecycleEvent);
            if (lifecycleEvent.Kind == LifecycleEventKind.Exited)
            {
                metrics.OnExited(lifecycleEvent.Service!);
            }

            Track(lifecycleEvent);
            var step = LifecyclePolicy.Decide(State, lifecycleEvent);
            State = step.State;
            foreach (var restart in step.Restarts)
            {
                ScheduleRestart(restart, cancellationToken);
            }

            if (step.Verdict is { } verdict)
            {
                // Stamped when reached, not with the deciding event's time, so exit-to-verdict latency can be read off the timeline.
                Record(verdict.Service, "verdict", $"{verdict.Verdict}: {verdict.Message}");
                return verdict;
            }
        }

        throw new ExperienceInfrastructureException("The engine's event stream ended before the experience had a verdict. Is the engine still running?");
    }

    private void RecordEvent(EventFeed events, LifecycleEvent lifecycleEvent)
    {
        var (kind, detail) = lifecycleEvent.Kind switch
        {
            LifecycleEventKind.Started => ("started", null),
            LifecycleEventKind.Exited => ("exited", $"exit code {lifecycleEvent.ExitCode}"),
            LifecycleEventKind.Healthy => ("healthy", null),
            LifecycleEventKind.Unhealthy => ("unhealthy", null),
            _ => ("timeout", $"after {LifecyclePolicy.Format(experience.Timeout)}"),
        };
        Record(events.Origin + lifecycleEvent.At, lifecycleEvent.Service, kind, detail);
    }
}
