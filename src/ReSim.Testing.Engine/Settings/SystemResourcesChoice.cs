using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Settings;

/// <summary>Builds the system's resources (R7, R13) from what a user set, each unset part taken from this machine.</summary>
internal static class SystemResourcesChoice
{
    /// <summary>The system with the given parts; <see langword="null"/> (this machine, no GPUs) when none is set.</summary>
    /// <param name="cpus">CPUs, or <see langword="null"/> for this machine's processor count.</param>
    /// <param name="memoryBytes">Memory in bytes, or <see langword="null"/> for the memory available to this process.</param>
    /// <param name="gpus">GPU device IDs, or empty for none.</param>
    /// <returns>The resources, or <see langword="null"/> for this machine.</returns>
    public static SystemResources? From(double? cpus, long? memoryBytes, IEnumerable<string>? gpus)
    {
        var gpuIds = (gpus ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (cpus is null && memoryBytes is null && gpuIds.IsEmpty)
        {
            return null;
        }

        var machine = SystemResources.FromThisMachine();
        return new SystemResources(cpus ?? machine.Cpus, memoryBytes ?? machine.MemoryBytes, gpuIds);
    }
}
