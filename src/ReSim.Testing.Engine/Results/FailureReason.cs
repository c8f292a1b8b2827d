using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Results;

/// <summary>Why an experience did not pass (R20).</summary>
/// <param name="Message">One sentence naming the service, the exit code or timeout, and when.</param>
/// <param name="Service">The service that caused the failure, or <see langword="null"/> for a timeout or infrastructure error.</param>
/// <param name="ExitCode">The exit code that failed the experience, when one did.</param>
/// <param name="At">How long after the experience started it failed.</param>
/// <param name="LastLogLines">The last lines of the service's log (R20).</param>
public sealed record FailureReason(string Message, string? Service, int? ExitCode, TimeSpan At, ImmutableArray<string> LastLogLines)
{
    /// <summary>The message followed by the last log lines, as a test failure shows it.</summary>
    /// <returns>The full multi-line text.</returns>
    public override string ToString() => LastLogLines.IsDefaultOrEmpty
        ? Message
        : $"{Message}{System.Environment.NewLine}Last lines of {Service}'s log:{System.Environment.NewLine}  {string.Join(System.Environment.NewLine + "  ", LastLogLines)}";
}
