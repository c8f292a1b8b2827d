using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Diagnostics;

/// <summary>Collects the diagnostics of one load; every stage adds to it instead of throwing.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public bool HasErrors => items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public int Count => items.Count;

    public void Error(string code, SourceLocation location, string message, string hint, string? path = null) =>
        items.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, hint, location, path));

    public void Warning(string code, SourceLocation location, string message, string hint, string? path = null) =>
        items.Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, hint, location, path));

    /// <summary>The diagnostics grouped by file in the order files were first seen, then by line and column.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            fileOrder.TryAdd(item.Location.File, fileOrder.Count);
        }

        return [.. items
            .OrderBy(d => fileOrder[d.Location.File])
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)];
    }
}
