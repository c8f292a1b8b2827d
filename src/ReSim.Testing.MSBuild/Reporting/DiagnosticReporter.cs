using Microsoft.Build.Utilities;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.MSBuild.Reporting;

/// <summary>Reports compose diagnostics as canonical MSBuild errors and warnings, so they land in the error list.</summary>
/// <remarks>
/// Each diagnostic becomes <c>compose.yml(12,5): error RSIM004: message hint</c>: the code is also the help keyword,
/// and a diagnostic about a whole file (line 0) is reported against the file alone.
/// </remarks>
internal static class DiagnosticReporter
{
    /// <summary>Logs every diagnostic in <paramref name="diagnostics"/> through <paramref name="log"/>.</summary>
    /// <param name="log">The task's logging helper.</param>
    /// <param name="diagnostics">The diagnostics, in the order to report them.</param>
    public static void Report(TaskLoggingHelper log, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Report(log, diagnostic);
        }
    }

    /// <summary>Logs one diagnostic.</summary>
    /// <param name="log">The task's logging helper.</param>
    /// <param name="diagnostic">The diagnostic.</param>
    public static void Report(TaskLoggingHelper log, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var text = FormatText(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            log.LogError(null, diagnostic.Code, diagnostic.Code, location.File, location.Line, location.Column, 0, 0, text);
        }
        else
        {
            log.LogWarning(null, diagnostic.Code, diagnostic.Code, location.File, location.Line, location.Column, 0, 0, text);
        }
    }

    /// <summary>The message and the hint as one line of text.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The message, then the hint when there is one.</returns>
    public static string FormatText(Diagnostic diagnostic) =>
        string.IsNullOrWhiteSpace(diagnostic.Hint) ? diagnostic.Message : $"{diagnostic.Message} {diagnostic.Hint}";
}
