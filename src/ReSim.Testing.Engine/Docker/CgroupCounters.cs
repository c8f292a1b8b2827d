using System.Globalization;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reads one container's CPU and memory counters from its cgroup on this host (v1 and v2), as the engine itself does.</summary>
/// <remarks>
/// The engine collects stats once a second, so its stats API answers up to a second late; the cgroup files answer at
/// once. Found through the container's main process (<c>/proc/PID/cgroup</c>), so it works for the cgroupfs and the
/// systemd drivers alike; only used when that cgroup's path names the container, which a remote engine or another
/// process namespace cannot give by chance. CPU is <c>cpuacct.usage</c> (v1) or <c>usage_usec</c> of <c>cpu.stat</c> (v2);
/// memory is usage less <c>total_inactive_file</c> (v1: <c>memory.usage_in_bytes</c>) or <c>inactive_file</c> (v2:
/// <c>memory.current</c>), the figure <c>docker stats</c> shows.
/// </remarks>
internal sealed class CgroupCounters
{
    private readonly string cpuFile;
    private readonly bool unified;
    private readonly string memoryDirectory;

    private CgroupCounters(string cpuFile, bool unified, string memoryDirectory)
    {
        this.cpuFile = cpuFile;
        this.unified = unified;
        this.memoryDirectory = memoryDirectory;
    }

    /// <summary>Finds the cgroup of a container's main process.</summary>
    /// <param name="pid">The main process as the engine reports it.</param>
    /// <param name="containerId">The container's full ID.</param>
    /// <param name="procRoot">Where <c>/proc</c> is.</param>
    /// <param name="cgroupRoot">Where the cgroup file systems are mounted.</param>
    /// <returns>The counters, or <see langword="null"/> when this host does not show that container's cgroup.</returns>
    public static CgroupCounters? Locate(int pid, string containerId, string procRoot = "/proc", string cgroupRoot = "/sys/fs/cgroup")
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "cgroup"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var groups = lines.Select(l => l.Split(':', 3)).Where(p => p.Length == 3 && p[2].Contains(containerId, StringComparison.Ordinal)).ToList();
        string? V1(string controller) => groups
            .Where(p => p[1].Split(',').Contains(controller, StringComparer.Ordinal))
            .Select(p => Path.Combine(cgroupRoot, p[1], p[2].TrimStart('/')))
            .FirstOrDefault(Directory.Exists);
        if (V1("cpuacct") is { } cpu && V1("memory") is { } memory && File.Exists(Path.Combine(cpu, "cpuacct.usage")))
        {
            return new CgroupCounters(Path.Combine(cpu, "cpuacct.usage"), unified: false, memory);
        }

        var v2 = groups.Where(p => p[0] == "0" && p[1].Length == 0).Select(p => Path.Combine(cgroupRoot, p[2].TrimStart('/'))).FirstOrDefault();
        return v2 is not null && File.Exists(Path.Combine(v2, "cpu.stat")) && File.Exists(Path.Combine(v2, "memory.current"))
            ? new CgroupCounters(Path.Combine(v2, "cpu.stat"), unified: true, v2)
            : null;
    }

    /// <summary>Finds a container's cgroup where the engine puts it by default, without asking the engine: Docker's
    /// cgroupfs (<c>docker/ID</c>) or systemd (<c>system.slice/docker-ID.scope</c>) places, or rootful Podman's
    /// (<c>libpod_parent/libpod-ID</c>, <c>machine.slice/libpod-ID.scope</c>), on v1 or v2.</summary>
    /// <param name="containerId">The container's full ID.</param>
    /// <param name="cgroupRoot">Where the cgroup file systems are mounted.</param>
    /// <returns>The counters, or <see langword="null"/> when no such cgroup exists (yet, or at all).</returns>
    /// <remarks>The engine makes the cgroup just before the container's process starts, so this sees a start at once.</remarks>
    public static CgroupCounters? Find(string containerId, string cgroupRoot = "/sys/fs/cgroup")
    {
        string[] usual =
        [
            Path.Combine("docker", containerId),
            Path.Combine("system.slice", $"docker-{containerId}.scope"),
            Path.Combine("libpod_parent", $"libpod-{containerId}"),
            Path.Combine("machine.slice", $"libpod-{containerId}.scope"),
        ];
        foreach (var group in usual)
        {
            var cpu = Path.Combine(cgroupRoot, "cpuacct", group);
            var memory = Path.Combine(cgroupRoot, "memory", group);
            if (File.Exists(Path.Combine(cpu, "cpuacct.usage")) && Directory.Exists(memory))
            {
                return new CgroupCounters(Path.Combine(cpu, "cpuacct.usage"), unified: false, memory);
            }

            var v2 = Path.Combine(cgroupRoot, group);
            if (File.Exists(Path.Combine(v2, "cpu.stat")) && File.Exists(Path.Combine(v2, "memory.current")))
            {
                return new CgroupCounters(Path.Combine(v2, "cpu.stat"), unified: true, v2);
            }
        }

        return null;
    }

    /// <summary>Reads the counters now.</summary>
    /// <param name="now">The time to stamp the reading with.</param>
    /// <returns>The reading, or <see langword="null"/> when the cgroup is gone (the container stopped).</returns>
    public ResourceSample? Read(DateTimeOffset now)
    {
        try
        {
            // Podman keeps a stopped container's cgroup for a while: a cgroup without a process is a stopped container.
            if (!HasProcesses())
            {
                return null;
            }

            var cpu = unified
                ? TimeSpan.FromMicroseconds(Value(File.ReadAllLines(cpuFile), "usage_usec"))
                : TimeSpan.FromTicks(long.Parse(File.ReadAllText(cpuFile).Trim(), CultureInfo.InvariantCulture) / 100);
            var usage = long.Parse(File.ReadAllText(Path.Combine(memoryDirectory, unified ? "memory.current" : "memory.usage_in_bytes")).Trim(), CultureInfo.InvariantCulture);
            var inactive = Value(File.ReadAllLines(Path.Combine(memoryDirectory, "memory.stat")), unified ? "inactive_file" : "total_inactive_file");
            return new ResourceSample(now, cpu, inactive < usage ? usage - inactive : usage);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private bool HasProcesses()
    {
        var procs = Path.Combine(memoryDirectory, "cgroup.procs");
        return !File.Exists(procs) || File.ReadAllText(procs).Trim().Length > 0;
    }

    private static long Value(string[] lines, string key) => lines
        .Select(l => l.Split(' ', 2))
        .Where(p => p.Length == 2 && p[0] == key)
        .Select(p => long.Parse(p[1], CultureInfo.InvariantCulture))
        .FirstOrDefault();
}
