using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>One experience from its run ID to its result: the files, the plan, the session's loop and teardown, and the report.</summary>
/// <remarks>
/// A run: connect; remove the objects of dead runs; resolve names, labels, environment (R9), mounts (R10, R11), limits and
/// GPUs (R13); ensure images; create the sandbox (R12), volumes and containers; subscribe to the engine's events; start
/// every container together (R14); let <see cref="RunPolicy"/> decide on each input, restarting as it decides (R15-R17)
/// until its verdict or the timeout (R18); then stop what still runs, drain the logs and remove everything (R19), also
/// after a cancellation or an error.
/// </remarks>
internal static class ExperienceRun
{
    /// <summary>Runs <paramref name="experience"/> to its result; only the caller's cancellation ends in an exception, after teardown.</summary>
    /// <param name="runtime">The container runtime.</param>
    /// <param name="time">The clock.</param>
    /// <param name="experience">The experience.</param>
    /// <param name="observer">Receives live log lines and state changes, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result; infrastructure problems are an <see cref="ExperienceVerdict.Error"/> result.</returns>
    public static async Task<ExperienceResult> RunAsync(IContainerRuntime runtime, TimeProvider time, Experience experience, IExperienceObserver? observer, CancellationToken cancellationToken)
    {
        var runId = RunPlanner.NewRunId();
        RunPaths paths;
        try
        {
            paths = RunPaths.Prepare(experience, runId);
        }
        catch (ExperienceInfrastructureException exception)
        {
            return RunResults.Error(runId, exception.Message, TimeSpan.Zero, RunPaths.ResultsOf(experience.Settings, runId));
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
