using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Reporting;

/// <summary>Reports one experience's outcome in the build log and turns it into an output item.</summary>
internal static class OutcomeReporter
{
    // The package's docs/rules.md, two folders above the task (tasks/net8.0/); in a source checkout, the repository's.
    private static readonly string? RulesDocumentPath = RulesDocument.Near(typeof(OutcomeReporter).Assembly.Location);

    /// <summary>Logs the outcome's diagnostics, summary and verdict, with an <c>RSIM1xx</c> error when it did not pass.</summary>
    /// <param name="log">The task's logging helper.</param>
    /// <param name="live">Logs a high-importance line that the Terminal Logger shows at once, beside the progress lines (<see cref="LiveMessage"/>).</param>
    /// <param name="item">The <c>ComposeExperience</c> item the outcome is for.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The output item: <paramref name="item"/>'s metadata plus the verdict, reason, results folder and report.</returns>
    public static ITaskItem Report(TaskLoggingHelper log, Action<string> live, ITaskItem item, ExperienceOutcome outcome)
    {
        var experience = outcome.Experience;
        DiagnosticReporter.Report(log, outcome.Diagnostics);
        foreach (var warning in outcome.Warnings)
        {
            log.LogWarning(null, TaskErrorCodes.PreviousResultsKept, TaskErrorCodes.PreviousResultsKept, experience.Request.ComposeFile, 0, 0, 0, 0, $"[{experience.Name}] {warning}");
        }

        foreach (var warning in outcome.EngineWarnings)
        {
            log.LogWarning(null, TaskErrorCodes.EngineLimited, TaskErrorCodes.EngineLimited, experience.Request.ComposeFile, 0, 0, 0, 0, $"[{experience.Name}] {warning}");
        }

        if (!string.IsNullOrWhiteSpace(outcome.SummaryTable))
        {
            log.LogMessage(MessageImportance.High, "[{0}] summary:{1}{2}", experience.Name, Environment.NewLine, outcome.SummaryTable);
        }

        foreach (var service in outcome.Services)
        {
            foreach (var gap in service.LogGaps.IsDefault ? [] : service.LogGaps)
            {
                log.LogWarning(null, TaskErrorCodes.LogIncomplete, TaskErrorCodes.LogIncomplete, experience.Request.ComposeFile, 0, 0, 0, 0, $"[{experience.Name}] The log of service '{service.Name}' is not whole: {gap} ({service.LogFile})");
            }

            // A kept container's log ends at the verdict on purpose: said beside the "kept" lines, where the user looks (the
            // Terminal Logger shows live lines at any verbosity), but no warning, which would fail a -warnaserror build.
            if (service.LogKeptEnd is { } keptEnd)
            {
                live($"[{experience.Name}] The log of service '{service.Name}' ends where its container was kept: {keptEnd} ({service.LogFile})");
            }
        }

        if (outcome.ReportFile is not null)
        {
            log.LogMessage(MessageImportance.High, "[{0}] report: {1}", experience.Name, outcome.ReportFile);
        }

        var reason = outcome.Reason?.Message ?? "no reason was given";
        switch (outcome.Verdict)
        {
            case ExperienceVerdict.Passed:
                log.LogMessage(MessageImportance.High, "[{0}] passed in {1:0.0} s. Results: {2}", experience.Name, outcome.Duration.TotalSeconds, outcome.ResultsDirectory);
                break;
            case ExperienceVerdict.Failed:
                LogFailure(log, outcome, TaskErrorCodes.ExperienceFailed, $"Experience '{experience.Name}' failed: {reason}");
                break;
            case ExperienceVerdict.TimedOut:
                LogFailure(log, outcome, TaskErrorCodes.ExperienceTimedOut, $"Experience '{experience.Name}' timed out: {reason}");
                break;
            default:
                LogFailure(log, outcome, TaskErrorCodes.ExperienceNotRun, $"Experience '{experience.Name}' could not run: {reason}");
                break;
        }

        var result = new TaskItem(item);
        result.SetMetadata("Name", experience.Name);
        result.SetMetadata("Verdict", outcome.Verdict.ToString());
        result.SetMetadata("Reason", outcome.Reason?.Message ?? string.Empty);
        result.SetMetadata("ResultsDirectory", outcome.ResultsDirectory);
        result.SetMetadata("Report", outcome.ReportFile ?? string.Empty);
        result.SetMetadata("DurationSeconds", outcome.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        return result;
    }

    private static void LogFailure(TaskLoggingHelper log, ExperienceOutcome outcome, string code, string message)
    {
        // The excerpt goes into the error itself (stderr first, so a crash's reason is never cut), which is what the IDE and CI show.
        var excerpt = outcome.Reason is { } reason ? reason.Log.Format(reason.Service) : string.Empty;
        var rules = RulesDocument.Line(outcome.Reason?.Message ?? string.Empty, RulesDocumentPath) is { } line ? $" {line}." : string.Empty;
        log.LogError(null, code, code, outcome.Experience.Request.ComposeFile, 0, 0, 0, 0, $"{message} Results: {outcome.ResultsDirectory}{rules}{excerpt}");
    }
}
