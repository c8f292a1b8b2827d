namespace ReSim.Testing.Compose.Model;

/// <summary><c>deploy.resources.limits</c>.</summary>
/// <param name="Cpus">CPUs, such as 0.5; <see langword="null"/> for no limit.</param>
/// <param name="MemoryBytes">Memory in bytes (<c>512m</c> is 536870912); <see langword="null"/> for no limit.</param>
/// <param name="Pids">The most processes; <see langword="null"/> for no limit.</param>
public sealed record ResourceLimits(double? Cpus = null, long? MemoryBytes = null, long? Pids = null)
{
    /// <summary>No limits.</summary>
    public static ResourceLimits None { get; } = new();
}
