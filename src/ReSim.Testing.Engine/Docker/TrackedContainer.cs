using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>What the Docker adapter knows of one container of a run between calls: its service, health check, last exit and where its current start's log begins.</summary>
/// <param name="runId">The run it belongs to.</param>
/// <param name="service">Its service, for messages.</param>
/// <param name="healthcheck">Its health check, when the runtime drives health checks itself.</param>
internal sealed class TrackedContainer(string runId, string service, HealthCheckSpec? healthcheck)
{
    private long lastExit = long.MinValue;

    /// <summary>The run it belongs to.</summary>
    public string RunId { get; } = runId;

    /// <summary>Its service, for messages.</summary>
    public string Service { get; } = service;

    /// <summary>Its health check, when the runtime drives health checks itself.</summary>
    public HealthCheckSpec? Healthcheck { get; } = healthcheck;

    /// <summary>The engine's time (nanoseconds) of the latest exit a watcher saw, or <see langword="null"/>.</summary>
    public long? LastExit
    {
        get
        {
            var seen = Interlocked.Read(ref lastExit);
            return seen == long.MinValue ? null : seen;
        }
    }

    /// <summary>Where the current start's log begins (after every line of the earlier starts); <see langword="null"/> until the container is first started through this runtime.</summary>
    public LogStart? LogStart { get; set; }

    /// <summary>Notes an exit seen at <paramref name="at"/>; an earlier one than known changes nothing.</summary>
    /// <param name="at">The engine's time of the exit, in nanoseconds.</param>
    public void SawExit(long at)
    {
        for (var known = Interlocked.Read(ref lastExit); at > known; known = Interlocked.Read(ref lastExit))
        {
            if (Interlocked.CompareExchange(ref lastExit, at, known) == known)
            {
                return;
            }
        }
    }
}
