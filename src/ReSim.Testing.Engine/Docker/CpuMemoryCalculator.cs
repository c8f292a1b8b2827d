using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Turns the engine's stats into a <see cref="ResourceSample"/> (R22), for engines whose cgroups this host cannot read.</summary>
/// <remarks>
/// CPU is the container's running total (<c>cpu_stats.cpu_usage.total_usage</c>) at the engine's reading time, so the
/// sampler takes differences between its own readings and needs no <c>precpu_stats</c>. Memory is usage less the inactive
/// file cache (<c>total_inactive_file</c> on cgroup v1, <c>inactive_file</c> on v2), as <c>docker stats</c> shows it.
/// </remarks>
internal static class CpuMemoryCalculator
{
    /// <summary>Whether the stats describe a running container; Docker answers a stopped one with an empty reading.</summary>
    /// <param name="stats">The stats.</param>
    /// <returns><see langword="true"/> when the reading has a time and CPU figures.</returns>
    internal static bool IsRunning(ContainerStatsResponse stats) =>
        stats.Read.Year > 1970 && stats.CPUStats?.SystemUsage is > 0 && stats.PidsStats?.Current is > 0;

    /// <summary>Computes a sample.</summary>
    /// <param name="stats">The engine's reading of a running container.</param>
    /// <returns>The sample.</returns>
    internal static ResourceSample Sample(ContainerStatsResponse stats) => new(
        new DateTimeOffset(stats.Read.ToUniversalTime()),
        TimeSpan.FromTicks((long)((stats.CPUStats?.CPUUsage?.TotalUsage ?? 0) / 100)),
        MemoryBytes(stats.MemoryStats));

    private static long MemoryBytes(MemoryStats? memory)
    {
        if (memory?.Usage is not { } usage)
        {
            return 0;
        }

        var stats = memory.Stats;
        var cache = stats is null ? 0UL
            : stats.TryGetValue("total_inactive_file", out var v1) ? v1
            : stats.TryGetValue("inactive_file", out var v2) ? v2
            : 0UL;
        return (long)(cache < usage ? usage - cache : usage);
    }
}
