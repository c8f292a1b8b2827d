namespace ReSim.Testing.Engine.Results;

/// <summary>Why an experience did not pass (R20).</summary>
/// <param name="Message">One sentence naming the service, the exit code or timeout, and when.</param>
/// <param name="Service">The service that caused the failure, or <see langword="null"/> for a timeout or infrastructure error.</param>
/// <param name="ExitCode">The exit code that failed the experience, when one did.</param>
/// <param name="At">How long after the experience started it failed.</param>
/// <param name="Log">The last lines of the service's stderr and stdout and its log file (R20); empty without a service.</param>
public sealed record FailureReason(string Message, string? Service, int? ExitCode, TimeSpan At, LogExcerpt Log)
{
    /// <summary>The message followed by the last lines of stderr and of stdout and the log file's path, as a test failure shows it.</summary>
    /// <returns>The full multi-line text.</returns>
    public override string ToString() => Log.IsEmpty && Log.LogFile is null ? Message : Message + Log.Format(Service);
}
