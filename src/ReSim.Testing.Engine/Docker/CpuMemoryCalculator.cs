using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Turns Docker's stats into a <see cref="ResourceSample"/> (R22), the way <c>docker stats</c> does.</summary>
/// <remarks>
/// CPU percent is the container's CPU time over the host's CPU time between two readings, times the online CPUs, so 100
/// means one whole CPU. One-shot stats (API 1.41) leave the previous reading empty, so the caller keeps the last reading
/// per container and passes it in; the first sample of a container, with nothing to compare, reads 0. Memory is usage
/// less the inactive file cache (<c>total_inactive_file</c> on cgroup v1, <c>inactive_file</c> on v2), as the CLI shows it.
/// </remarks>
internal static class CpuMemoryCalculator
{
    /// <summary>Whether the stats describe a running container; Docker answers a stopped one with an empty reading.</summary>
    /// <param name="stats">The stats.</param>
    /// <returns><see langword="true"/> when the reading has a time and CPU figures.</returns>
    internal static bool IsRunning(ContainerStatsResponse stats) =>
        stats.Read.Year > 1970 && stats.CPUStats?.SystemUsage is > 0 && stats.PidsStats?.Current is > 0;

    /// <summary>Computes a sample.</summary>
    /// <param name="current">This reading.</param>
    /// <param name="previous">The previous reading of the same container, or <see langword="null"/>.</param>
    /// <returns>The sample.</returns>
    internal static ResourceSample Sample(ContainerStatsResponse current, CPUStats? previous)
    {
        var before = current.PreCPUStats?.SystemUsage is > 0 ? current.PreCPUStats : previous;
        return new ResourceSample(new DateTimeOffset(current.Read.ToUniversalTime()), CpuPercent(current.CPUStats, before), MemoryBytes(current.MemoryStats));
    }

    private static double CpuPercent(CPUStats? now, CPUStats? before)
    {
        if (now?.CPUUsage is null || before?.CPUUsage is null || now.SystemUsage is not { } system || before.SystemUsage is not { } systemBefore
            || system <= systemBefore || now.CPUUsage.TotalUsage < before.CPUUsage.TotalUsage)
        {
            return 0;
        }

        var cpus = now.OnlineCPUs is > 0 ? now.OnlineCPUs.Value : (uint)(now.CPUUsage.PercpuUsage?.Count ?? 1);
        var container = (double)(now.CPUUsage.TotalUsage - before.CPUUsage.TotalUsage);
        return container / (system - systemBefore) * Math.Max(cpus, 1u) * 100.0;
    }

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
