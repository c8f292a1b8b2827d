namespace ReSim.Testing.Compose.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file loads, but something in it will not behave as written on the ReSim platform.</summary>
    Warning,

    /// <summary>The platform would refuse the file; no container may start.</summary>
    Error,
}
