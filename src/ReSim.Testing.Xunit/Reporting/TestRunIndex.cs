using System.Globalization;
using System.Reflection;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Reporting;

/// <summary>The index page of one test run (one test process): every experience run so far, its verdict and a link to its report.</summary>
/// <remarks>
/// xUnit gives an extension no end-of-run hook that every runner calls, so the page is rewritten after each experience
/// and is complete whenever the run stops. It is <c>index-&lt;yyyyMMdd-HHmmss&gt;-&lt;pid&gt;.html</c> in <see cref="ExperienceRunner.DefaultResultsRoot"/>,
/// beside the runs' results folders, so its links are short relative paths. Old pages are pruned with the runs' folders
/// (the engine's <c>RunFolderPruner</c> knows this name: change both together).
/// </remarks>
internal static class TestRunIndex
{
    private static readonly Lazy<ReportIndex> Shared = new(() => new ReportIndex(
        Path.Combine(ExperienceRunner.DefaultResultsRoot, string.Create(CultureInfo.InvariantCulture, $"index-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.html")),
        $"ReSim experiences of {Assembly.GetEntryAssembly()?.GetName().Name ?? "this test run"}"));

    /// <summary>Adds an experience to the run's index and says in the test's output where the index and the report are.</summary>
    /// <param name="report">The test's output.</param>
    /// <param name="name">The experience's name.</param>
    /// <param name="result">Its result.</param>
    public static void Add(IExperienceTestReport report, string name, ExperienceResult result)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        var index = Shared.Value;
        try
        {
            index.Add(name, result.Verdict, result.Reason?.Message, result.Duration, result.ReportFile);
            report.WriteLine($"Report: {result.ReportFile ?? "(none)"}; every experience of this test run: {index.Path}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            report.WriteLine($"The index of this test run's experiences could not be written to {index.Path}: {exception.Message}");
        }
    }
}
