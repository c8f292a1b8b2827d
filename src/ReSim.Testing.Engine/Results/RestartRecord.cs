namespace ReSim.Testing.Engine.Results;

/// <summary>One restart the engine made.</summary>
/// <param name="At">How long after the experience started the exit that led to it happened.</param>
/// <param name="ExitCode">The exit code that led to it.</param>
/// <param name="Reason">Why: a dependency not yet satisfied (R15) or the restart policy (R17), and the back-off before it.</param>
public sealed record RestartRecord(TimeSpan At, int ExitCode, string Reason)
{
    /// <summary>Which rule made it: R15 or R17.</summary>
    public RestartCause Cause { get; init; }
}
