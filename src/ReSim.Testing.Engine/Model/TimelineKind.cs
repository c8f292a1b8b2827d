namespace ReSim.Testing.Engine.Model;

/// <summary>What a <see cref="TimelineEntry"/> records; <see cref="TimelineKinds.Text"/> gives the word written in the timeline.</summary>
internal enum TimelineKind
{
    /// <summary>A service's container was created.</summary>
    Created,

    /// <summary>A service's container started (or started again).</summary>
    Started,

    /// <summary>A service's health check passed.</summary>
    Healthy,

    /// <summary>A service's health check failed its retries.</summary>
    Unhealthy,

    /// <summary>A service's container exited.</summary>
    Exited,

    /// <summary>A restart was decided (R15, R17); the detail says why and after what back-off.</summary>
    Restarted,

    /// <summary>A decided restart was not made because the experience ended first.</summary>
    RestartCancelled,

    /// <summary>The experience's timeout passed (R18).</summary>
    Timeout,

    /// <summary>The verdict was reached.</summary>
    Verdict,

    /// <summary>A container was stopped at teardown (R19).</summary>
    Stopped,

    /// <summary>A container could not be stopped at teardown; removing the run kills it.</summary>
    StopFailed,

    /// <summary>Everything of the run was removed from the engine (R19).</summary>
    Removed,

    /// <summary>A container was left running after the verdict, as asked; one entry without a service says how to remove them.</summary>
    Kept,

    /// <summary>The run did not reach a verdict, or something after it failed.</summary>
    Error,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}

/// <summary>The words of <see cref="TimelineKind"/> as the timeline file and <see cref="TimelineEntry.Kind"/> spell them.</summary>
internal static class TimelineKinds
{
    /// <summary>The word for <paramref name="kind"/>, such as <c>restart-cancelled</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The word.</returns>
    public static string Text(this TimelineKind kind) => kind switch
    {
        TimelineKind.Created => "created",
        TimelineKind.Started => "started",
        TimelineKind.Healthy => "healthy",
        TimelineKind.Unhealthy => "unhealthy",
        TimelineKind.Exited => "exited",
        TimelineKind.Restarted => "restarted",
        TimelineKind.RestartCancelled => "restart-cancelled",
        TimelineKind.Timeout => "timeout",
        TimelineKind.Verdict => "verdict",
        TimelineKind.Stopped => "stopped",
        TimelineKind.StopFailed => "stop-failed",
        TimelineKind.Removed => "removed",
        TimelineKind.Kept => "kept",
        TimelineKind.Error => "error",
        TimelineKind.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
