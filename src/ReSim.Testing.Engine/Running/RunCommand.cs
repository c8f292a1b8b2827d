using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Running;

/// <summary>What <see cref="RunPolicy.Apply"/> asks the run's shell (<see cref="RunSession"/>) to do; the results come back as <see cref="RunInput"/>s.</summary>
internal abstract record RunCommand
{
    private RunCommand()
    {
    }

    /// <summary>Writes a timeline entry (R23).</summary>
    /// <param name="Time">When it happened.</param>
    /// <param name="Service">The service, or <see langword="null"/> for the experience.</param>
    /// <param name="Kind">What happened.</param>
    /// <param name="Detail">The exit code, reason or verdict, when there is one.</param>
    public sealed record Record(DateTimeOffset Time, string? Service, TimelineKind Kind, string? Detail) : RunCommand;

    /// <summary>Arms the experience's timeout (R18): <see cref="RunInput.Engine"/> with a timeout event when it passes.</summary>
    public sealed record ArmTimeout : RunCommand;

    /// <summary>Starts a service's container: a new section in its log, sampling, the start, then its log is read; <see cref="RunInput.StartDone"/> when the engine has answered.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="RestartReason">Why it starts again, or <see langword="null"/> for its first start.</param>
    public sealed record Start(string Service, string? RestartReason) : RunCommand;

    /// <summary>Waits out a restart's back-off: <see cref="RunInput.BackoffElapsed"/> after <paramref name="Delay"/>.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="Delay">The back-off.</param>
    public sealed record WaitBackoff(string Service, TimeSpan Delay) : RunCommand;

    /// <summary>Writes the last metrics row of a start that exited (R22).</summary>
    /// <param name="Service">The service.</param>
    public sealed record SampleExit(string Service) : RunCommand;

    /// <summary>The run has ended: cancels the timeout and the back-offs, and ends metrics sampling with each start's newest reading written: <see cref="RunInput.SamplingEnded"/>.</summary>
    public sealed record Ended : RunCommand;

    /// <summary>Stops a container at teardown (SIGTERM, SIGKILL after the grace period): <see cref="RunInput.StopDone"/>.</summary>
    /// <param name="Service">The service.</param>
    public sealed record Stop(string Service) : RunCommand;

    /// <summary>Closes the log streams still open: each ends with its cut marked and <see cref="RunInput.LogEnded"/>.</summary>
    /// <param name="Kept">Whether the containers are kept after the verdict, so a cut log is not lost (the container has
    /// the rest), rather than a gap.</param>
    public sealed record CloseLogs(bool Kept) : RunCommand;

    /// <summary>Stops watching the engine's events and removes everything of the run (R19): <see cref="RunInput.RemoveDone"/>.</summary>
    public sealed record Remove : RunCommand;

    /// <summary>Stops watching the engine's events and records each kept container and the command that removes them.</summary>
    public sealed record ReportKept : RunCommand;
}
