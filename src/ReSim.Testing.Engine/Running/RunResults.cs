using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Running;

/// <summary>The one place an <see cref="ExperienceResult"/> is made, whatever the outcome: a verdict, an error before or during a run, or an experience that never ran.</summary>
/// <remarks>Every result names its results and outputs folders from the start; what a run adds (services, files, report) comes on top.</remarks>
internal static class RunResults
{
    /// <summary>The result of a run that reached a verdict.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="lastLines">The last log lines of the service that decided it (R20).</param>
    /// <param name="results">The run's results folder.</param>
    /// <returns>The result; a failure reason unless it passed.</returns>
    public static ExperienceResult Decided(string runId, LifecycleVerdict verdict, LogExcerpt lastLines, string results) => new()
    {
        RunId = runId,
        Verdict = verdict.Verdict,
        Reason = verdict.Verdict == ExperienceVerdict.Passed ? null : new FailureReason(verdict.Message, verdict.Service, verdict.ExitCode, verdict.At, lastLines),
        Duration = verdict.At,
        ResultsDirectory = results,
        OutputsDirectory = RunPaths.OutputsOf(results),
    };

    /// <summary>The result of an experience that could not run, or whose run failed: <see cref="ExperienceVerdict.Error"/>.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="at">When, after the experience started (zero before).</param>
    /// <param name="results">The run's results folder, whether or not it was created.</param>
    /// <returns>The result.</returns>
    public static ExperienceResult Error(string runId, string message, TimeSpan at, string results) => new()
    {
        RunId = runId,
        Verdict = ExperienceVerdict.Error,
        Reason = new FailureReason(message, null, null, at, LogExcerpt.Empty),
        Duration = at,
        ResultsDirectory = results,
        OutputsDirectory = RunPaths.OutputsOf(results),
    };

    /// <summary>The result of an experience that never got a run: a new run ID, its folder where the settings put results.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="settings">The experience's settings.</param>
    /// <returns>The result.</returns>
    public static ExperienceResult NotRun(string message, ExperienceSettings settings)
    {
        var runId = RunPlanner.NewRunId();
        return Error(runId, message, TimeSpan.Zero, RunPaths.ResultsOf(settings, runId));
    }

    /// <summary>A result whose teardown failed: an error that keeps the original reason, the problem appended (R19).</summary>
    /// <param name="result">The result before teardown.</param>
    /// <param name="problem">What went wrong in the teardown.</param>
    /// <returns>The result.</returns>
    public static ExperienceResult WithTeardownProblem(ExperienceResult result, string problem) => result with
    {
        Verdict = ExperienceVerdict.Error,
        Reason = result.Reason is { } original
            ? original with { Message = $"{original.Message} {problem}" }
            : new FailureReason(problem, null, null, result.Duration, LogExcerpt.Empty),
    };
}
