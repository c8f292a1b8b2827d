namespace ReSim.Testing.Engine.Runtime;

/// <summary>The state changes the engine reports.</summary>
public enum ContainerEventKind
{
    /// <summary>The container started (or started again).</summary>
    Started,

    /// <summary>The container's process exited; <see cref="ContainerEvent.ExitCode"/> says with what.</summary>
    Exited,

    /// <summary>The health check passed.</summary>
    Healthy,

    /// <summary>The health check failed its retries.</summary>
    Unhealthy,
}
