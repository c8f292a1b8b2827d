namespace ReSim.Testing.Engine.Results;

/// <summary>One restart the engine made.</summary>
/// <param name="At">How long after the experience started.</param>
/// <param name="ExitCode">The exit code that led to it.</param>
/// <param name="Reason">Why: a dependency not yet satisfied (R15) or the restart policy (R17).</param>
public sealed record RestartRecord(TimeSpan At, int ExitCode, string Reason);
