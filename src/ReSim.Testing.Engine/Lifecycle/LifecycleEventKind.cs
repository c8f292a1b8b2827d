namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>What a <see cref="LifecycleEvent"/> reports.</summary>
internal enum LifecycleEventKind
{
    /// <summary>A service's container started (or started again).</summary>
    Started,

    /// <summary>A service's container exited with <see cref="LifecycleEvent.ExitCode"/>.</summary>
    Exited,

    /// <summary>A service's health check passed.</summary>
    Healthy,

    /// <summary>A service's health check failed its retries.</summary>
    Unhealthy,

    /// <summary>The experience's timeout passed (R18).</summary>
    TimeoutElapsed,
}
