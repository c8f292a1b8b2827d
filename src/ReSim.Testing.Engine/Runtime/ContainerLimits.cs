namespace ReSim.Testing.Engine.Runtime;

/// <summary>The CPU, memory and process limits of one container (R13).</summary>
/// <param name="Cpus">CPUs, such as 0.5; <see langword="null"/> for no limit.</param>
/// <param name="MemoryBytes">Memory in bytes; <see langword="null"/> for no limit.</param>
/// <param name="Pids">The most processes; <see langword="null"/> for no limit.</param>
public sealed record ContainerLimits(double? Cpus = null, long? MemoryBytes = null, long? Pids = null)
{
    /// <summary>No limits.</summary>
    public static ContainerLimits None { get; } = new();
}
