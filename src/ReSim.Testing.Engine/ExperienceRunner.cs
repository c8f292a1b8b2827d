using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Running;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine;

/// <summary>Runs experiences on a container runtime and gives the verdict the ReSim platform would give.</summary>
/// <remarks>
/// <para>Holds no state of its own: several experiences may run at once on one runner and one engine, each with its own
/// run ID, names and labels. The runtime is an <see cref="IContainerRuntime"/>, so the same runner drives the Docker
/// engine or a scripted runtime in tests.</para>
/// <para>A run: connect; remove the objects of dead runs; resolve names, labels, environment (R9), mounts (R10, R11),
/// limits and GPUs (R13); ensure images; create the sandbox (R12), volumes and containers; subscribe to the engine's
/// events; start every container together (R14); apply <see cref="LifecyclePolicy"/> to each event, restarting as it
/// decides (R15-R17) until its verdict or the timeout (R18); then stop what still runs, drain the logs and remove
/// everything (R19), also after a cancellation or an error.</para>
/// </remarks>
public sealed class ExperienceRunner
{
    /// <summary>
    /// Where the results folders of runs whose experience names none go, one folder per run: <c>&lt;temp&gt;/resim-testing-&lt;user&gt;</c>.
    /// </summary>
    /// <remarks>
    /// Per user, since on Linux <c>&lt;temp&gt;</c> is <c>/tmp</c>, shared by every user of the machine: a folder made by
    /// one user (root in a CI job, a colleague on a shared host) could not be written by the next.
    /// </remarks>
    public static string DefaultResultsRoot { get; } =
        Path.Combine(Path.GetTempPath(), "resim-testing-" + string.Concat(Environment.UserName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')));

    private readonly IContainerRuntime runtime;
    private readonly TimeProvider time;

    /// <summary>Creates a runner over <paramref name="runtime"/>.</summary>
    /// <param name="runtime">The container runtime; the caller keeps ownership.</param>
    public ExperienceRunner(IContainerRuntime runtime)
        : this(runtime, TimeProvider.System)
    {
    }

    /// <summary>Creates a runner over <paramref name="runtime"/> with its own clock.</summary>
    /// <param name="runtime">The container runtime; the caller keeps ownership.</param>
    /// <param name="timeProvider">The clock for timestamps, the timeout and metrics sampling.</param>
    public ExperienceRunner(IContainerRuntime runtime, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.runtime = runtime;
        time = timeProvider;
    }

    /// <summary>Runs <paramref name="experience"/> to its verdict and removes everything it created on the engine (R19).</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="observer">Receives live log lines and state changes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run; everything is still torn down, then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The verdict, the reason, per-service records and the paths of logs, metrics, timeline and outputs.
    /// Infrastructure problems (no engine, a missing image, too few GPUs) give <see cref="ExperienceVerdict.Error"/>, not an exception.</returns>
    public async Task<ExperienceResult> RunAsync(Experience experience, IExperienceObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experience);
        var runId = RunPlanner.NewRunId();
        RunPaths paths;
        try
        {
            paths = RunPaths.Prepare(experience, runId);
        }
        catch (ExperienceInfrastructureException exception)
        {
            return RunResults.Error(runId, exception.Message, TimeSpan.Zero, experience.ResultsDirectory ?? Path.Combine(DefaultResultsRoot, runId));
        }

        using var owner = RunFolderLock.Acquire(paths.Results);
        var plan = RunPlanner.Plan(experience, runId, paths);
        RunSession session;
        try
        {
            session = RunSession.Open(runtime, experience, plan, paths, observer, time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var message = $"The run's files could not be created in {paths.Results}: {exception.Message} Check that the results folder can be written.";
            return RunResults.Error(runId, message, TimeSpan.Zero, paths.Results);
        }

        await using (session.ConfigureAwait(false))
        {
            if (!plan.IsValid)
            {
                var message = string.Join(Environment.NewLine, plan.Errors);
                session.Record(TimelineKind.Error, message);
                return Complete(RunResults.Error(runId, message, TimeSpan.Zero, paths.Results), session, paths);
            }

            RunState state;
            try
            {
                state = await session.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var message = $"The run failed unexpectedly: {exception.GetType().Name}: {exception.Message}";
                session.Record(TimelineKind.Error, message);
                return Complete(RunResults.Error(runId, message, TimeSpan.Zero, paths.Results), session, paths);
            }

            // Only the caller's cancellation ends in an exception, and only after teardown; everything else is a result.
            // Built after teardown, so the last log lines (R20) include what was drained.
            var result = state.Ending switch
            {
                RunEnding.Decided decided => RunResults.Decided(runId, decided.Verdict, session.LastLogLines(decided.Verdict.Service), paths.Results),
                RunEnding.Failed failed => RunResults.Error(runId, failed.Message, failed.At, paths.Results),
                _ => throw new OperationCanceledException("The run was cancelled.", cancellationToken),
            };

            // A teardown problem turns the result into an error that keeps the original reason.
            if (state.TeardownProblem is { } problem)
            {
                result = RunResults.WithTeardownProblem(result, problem);
            }

            return Complete(result, session, paths);
        }
    }

    private static ExperienceResult Complete(ExperienceResult result, RunSession session, RunPaths paths)
    {
        var complete = result with
        {
            Services = session.ServiceResults(),
            Warnings = session.EngineLimitations,
            TimelineFile = paths.Timeline,
            MetricsFile = paths.Metrics,
            ResourceMetricsFile = paths.ResourceMetrics,
            ReportFile = Path.Combine(paths.Results, ExperienceReport.FileName),
        };
        try
        {
            File.WriteAllText(complete.ReportFile, ExperienceReport.Render(session.ReportData(complete)));
            return complete;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The report only shows what the other files hold: a failure to write it is said in the timeline, not a verdict.
            session.Record(TimelineKind.Error, $"The experience report could not be written: {exception.Message}");
            return complete with { ReportFile = null };
        }
    }
}
