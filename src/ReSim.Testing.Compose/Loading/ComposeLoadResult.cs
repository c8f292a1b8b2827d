using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading;

/// <summary>What loading a compose file gives: the model, when one could be built, and every diagnostic.</summary>
/// <param name="Model">The model; <see langword="null"/> when an error prevented building one.</param>
/// <param name="Diagnostics">Every diagnostic, in file order.</param>
public sealed record ComposeLoadResult(ComposeModel? Model, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error; then no container may start (R3).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The error diagnostics.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The warning diagnostics.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
