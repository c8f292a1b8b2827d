using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Model;

/// <summary>The resources of the system an experience runs on (R7, R13).</summary>
/// <param name="Cpus">CPUs available to the experience.</param>
/// <param name="MemoryBytes">Memory available to the experience, in bytes.</param>
/// <param name="Gpus">The IDs of the GPUs the experience may hand out; each goes to one service only.</param>
public sealed record SystemResources(double Cpus, long MemoryBytes, ImmutableArray<string> Gpus)
{
    /// <summary>The resources of the machine this process runs on, with no GPUs.</summary>
    /// <returns>The processor count and the memory available to this process.</returns>
    public static SystemResources FromThisMachine() =>
        new(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, []);
}
