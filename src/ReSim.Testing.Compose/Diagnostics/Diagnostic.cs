namespace ReSim.Testing.Compose.Diagnostics;

/// <summary>One finding about a compose file, with a stable code and the position it is about.</summary>
/// <param name="Code">A stable code, <c>RSIM</c> and three digits; see <c>docs/diagnostics.md</c>.</param>
/// <param name="Severity">Whether the finding stops a run.</param>
/// <param name="Message">What is wrong, naming the key and the service.</param>
/// <param name="Hint">What the user should do about it.</param>
/// <param name="Location">Where in which file the finding is.</param>
/// <param name="Path">The key path the finding is about, such as <c>services.robot.restart</c>, when there is one.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string Hint,
    SourceLocation Location,
    string? Path = null)
{
    /// <summary>Formats the diagnostic as a canonical compiler message: <c>file(line,col): error RSIM004: message</c>.</summary>
    /// <returns>The canonical one-line form, followed by the hint.</returns>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Location}: {severity} {Code}: {Message} {Hint}";
    }
}
