namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>Where a service's container is, as far as the events so far say.</summary>
internal enum ServiceStatus
{
    /// <summary>No start seen yet.</summary>
    Created,

    /// <summary>Started and not exited since.</summary>
    Running,

    /// <summary>Exited and not restarted (yet).</summary>
    Exited,
}
