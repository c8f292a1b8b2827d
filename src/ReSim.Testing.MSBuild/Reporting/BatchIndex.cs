using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Reporting;

/// <summary>Writes the index page of one batch of experiences: <c>index.html</c> in the results folder, linking each experience's report.</summary>
internal static class BatchIndex
{
    /// <summary>The index page's file name in the results folder.</summary>
    public const string FileName = "index.html";

    /// <summary>Writes the index and logs where it is.</summary>
    /// <param name="log">The task's logging helper.</param>
    /// <param name="resultsDirectory">The batch's results folder.</param>
    /// <param name="title">The page's title, such as the project's name.</param>
    /// <param name="outcomes">Every experience of the batch.</param>
    /// <returns>The index's path, or <see langword="null"/> when it could not be written (a warning says why).</returns>
    public static string? Write(TaskLoggingHelper log, string resultsDirectory, string title, IEnumerable<ExperienceOutcome> outcomes)
    {
        // Every experience that ran made its folder under the results folder; without one no report exists to link.
        if (!Directory.Exists(resultsDirectory))
        {
            log.LogMessage(MessageImportance.Low, "ReSim: no index of reports: no experience wrote to {0}.", resultsDirectory);
            return null;
        }

        var index = new ReportIndex(Path.Combine(resultsDirectory, FileName), title);
        try
        {
            foreach (var outcome in outcomes)
            {
                index.Add(outcome.Experience.Name, outcome.Verdict, outcome.Reason?.Message, outcome.Duration, outcome.ReportFile);
            }

            log.LogMessage(MessageImportance.High, "ReSim: every experience's report: {0}", index.Path);
            return index.Path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(null, TaskErrorCodes.IndexNotWritten, TaskErrorCodes.IndexNotWritten, null, 0, 0, 0, 0, $"ReSim: the index of the experiences' reports could not be written to {index.Path}: {exception.Message}");
            return null;
        }
    }
}
