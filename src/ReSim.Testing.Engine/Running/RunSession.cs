using System.Collections.Immutable;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>One run of an experience on a runtime: creates its objects, then hands the run to its loop until nothing of it is left on the engine.</summary>
/// <remarks>
/// <para>The set-up (connect, sweep dead runs, images, sandbox, volumes, containers) is one straight sequence. From the
/// first start on, the run is a <see cref="RunLoop"/>: every event, timer and finished effect is an input, the pure
/// <see cref="RunPolicy"/> decides (restarts, verdict, teardown order) and <see cref="RunEffects"/> carries its commands
/// out. The runner holds no state; this context does, for one run only.</para>
/// </remarks>
internal sealed class RunSession : IAsyncDisposable
{
    private readonly RunContext run;

    private RunSession(RunContext run)
    {
        this.run = run;
        State = RunState.Initial(run.Plan.RunId, null, run.Experience, LifecycleState.Initial(run.Plan.Services), connected: false);
    }

    /// <summary>The run's state: the initial one before <see cref="RunAsync"/>, the final one after.</summary>
    public RunState State { get; private set; }

    /// <summary>What the engine cannot do as the platform does (<see cref="RuntimeInfo.Limitations"/>); empty before connecting.</summary>
    public ImmutableArray<string> EngineLimitations { get; private set; } = [];

    /// <summary>Creates the run's files and its context.</summary>
    /// <param name="runtime">The container runtime.</param>
    /// <param name="experience">The experience.</param>
    /// <param name="plan">What the run creates.</param>
    /// <param name="paths">Where its files go.</param>
    /// <param name="observer">The caller's observer, or <see langword="null"/>.</param>
    /// <param name="time">The clock.</param>
    /// <returns>The session, nothing created on the engine yet.</returns>
    /// <exception cref="IOException">A file of the run could not be created.</exception>
    public static RunSession Open(IContainerRuntime runtime, Experience experience, RunPlan plan, RunPaths paths, IExperienceObserver? observer, TimeProvider time)
    {
        var records = new RunRecords(plan, paths, observer);
        return new RunSession(new RunContext(runtime, experience, plan, records, new MetricsSampler(runtime, records.Metrics, experience.Settings.MetricsInterval, time), time));
    }

    /// <summary>Runs the experience from its set-up to its removal (or to its kept containers): starts every container together (R14), applies the lifecycle rules until the verdict, and tears down (R19).</summary>
    /// <param name="cancellationToken">Cancels the run; it is still torn down, and the final state says it was cancelled.</param>
    /// <returns>The final state: why the run ended, and whether its teardown had a problem.</returns>
    /// <remarks>Teardown uses bounds of its own, not the run's token. Only a fault of the loop itself throws, after the run's removal has been tried.</remarks>
    public async Task<RunState> RunAsync(CancellationToken cancellationToken)
    {
        RunInput? first = null;
        var connected = false;
        DateTimeOffset? origin = null;
        var ids = ImmutableDictionary<string, string>.Empty;
        try
        {
            EngineLimitations = [.. (await run.Runtime.ConnectAsync(cancellationToken).ConfigureAwait(false)).Limitations];
            connected = true;
            ids = await CreateAsync(cancellationToken).ConfigureAwait(false);
            origin = run.Time.GetUtcNow();
            first = new RunInput.Begin();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The cancellation reaches the loop through the token's registration.
        }
        catch (Exception exception)
        {
            first = new RunInput.SetupFailed(exception is ExperienceInfrastructureException ? exception.Message : $"The run failed unexpectedly: {exception.GetType().Name}: {exception.Message}");
        }

        var loop = new RunLoop(State with { Origin = origin, Connected = connected }, run.Time);
        var effects = new RunEffects(run, ids, origin ?? run.Time.GetUtcNow(), loop.Post, cancellationToken);
        await using (effects.ConfigureAwait(false))
        {
            using var registration = cancellationToken.Register(() => loop.Post(new RunInput.Cancelled()));
            if (first is not null)
            {
                loop.Post(first);
            }

            if (origin is { } started)
            {
                run.Metrics.Begin(started);
                effects.Watch();
            }

            try
            {
                State = await loop.RunAsync(effects.Execute).ConfigureAwait(false);
                await effects.WhenAllDoneAsync().ConfigureAwait(false);
            }
            catch
            {
                await effects.AbandonAsync().ConfigureAwait(false);
                throw;
            }
        }

        return State;
    }

    /// <summary>Writes a timeline entry of the experience as a whole, now.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="detail">What to say of it.</param>
    public void Record(TimelineKind kind, string detail) => run.Records.Timeline.Record(new TimelineEntry(run.Time.GetUtcNow(), Elapsed(), null, kind.Text(), detail));

    /// <summary>Each service's record, from the final state and the run's files.</summary>
    /// <returns>One per active service, in compose order.</returns>
    public ImmutableArray<ServiceResult> ServiceResults() => [.. run.Plan.Services.Select(s => new ServiceResult
    {
        Name = s.Name,
        IsOrchestrator = s.IsTestOrchestrator,
        ExitCodes = State.Lifecycle.Services[s.Name].ExitCodes,
        Restarts = State.Services[s.Name].Restarts,
        LastHealth = State.Lifecycle.Services[s.Name].LastHealth,
        StoppedAtTeardown = State.Services[s.Name].Stop == StopProgress.Stopped,
        Resources = run.Records.Metrics.Summary(s.Name),
        ResourcesPerStart = run.Records.Metrics.PerStart(s.Name, run.Metrics.Starts(s.Name)),
        LogFile = run.Records.Logs[s.Name].Path,
        LogGaps = run.Records.Logs[s.Name].Gaps(),
        LogKeptEnd = run.Records.Logs[s.Name].KeptEnd,
    })];

    /// <summary>The last lines of a service's log, for a failure reason (R20).</summary>
    /// <param name="service">The service, or <see langword="null"/>.</param>
    /// <returns>Its last lines; empty for none.</returns>
    public LogExcerpt LastLogLines(string? service) => service is not null && run.Records.Logs.TryGetValue(service, out var log) ? log.Excerpt() : LogExcerpt.Empty;

    /// <summary>What the experience report shows of this run, for <paramref name="result"/>.</summary>
    /// <param name="result">The run's result.</param>
    /// <returns>The report's data.</returns>
    public ReportData ReportData(ExperienceResult result) => new(
        run.Experience.Settings.Name ?? result.RunId,
        result,
        run.Records.Timeline.Entries,
        run.Records.Metrics.Points,
        run.Plan.Services.ToImmutableDictionary(s => s.Name, s => run.Records.Tails.Of(s.Name), StringComparer.Ordinal));

    public ValueTask DisposeAsync()
    {
        run.Metrics.Dispose();
        run.Records.Dispose();
        return ValueTask.CompletedTask;
    }

    private TimeSpan Elapsed() => RunState.Since(State.Origin, run.Time.GetUtcNow());

    private async Task<ImmutableDictionary<string, string>> CreateAsync(CancellationToken cancellationToken)
    {
        var (runtime, plan) = (run.Runtime, run.Plan);
        await runtime.RemoveOrphansAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(plan.Containers.GroupBy(c => c.Image, StringComparer.Ordinal)
            .Select(image => runtime.EnsureImageAsync(image.First().Service, image.Key, run.Experience.Settings.PullPolicy, cancellationToken))).ConfigureAwait(false);
        var sandboxId = await runtime.CreateSandboxAsync(plan.Sandbox, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(plan.Volumes.Select(v => runtime.CreateVolumeAsync(v, cancellationToken))).ConfigureAwait(false);
        var ids = await Task.WhenAll(plan.Containers.Select(c => runtime.CreateContainerAsync(c with { NetworkNamespaceOf = sandboxId }, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < ids.Length; i++)
        {
            run.Records.Timeline.Record(new TimelineEntry(run.Time.GetUtcNow(), TimeSpan.Zero, plan.Containers[i].Service, TimelineKind.Created.Text(), ids[i]));
        }

        return plan.Containers.Select((c, i) => (c.Service, Id: ids[i])).ToImmutableDictionary(p => p.Service, p => p.Id, StringComparer.Ordinal);
    }
}
