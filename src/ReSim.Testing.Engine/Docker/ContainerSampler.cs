using System.Collections.Concurrent;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reads containers' CPU and memory counters: from their cgroups where this host shows them, else from the engine's stats (R22).</summary>
/// <remarks>
/// Measured on dockerd 20.10 (cgroup v1, 2 cores): the engine collects stats for every subscriber once a second, so a
/// one-shot request answers 0 to 1 s late and a stream gives its first frame as late, then one a second; a cgroup
/// reading takes well under a millisecond. A first sample within about 100 ms of a start, and one close to an exit, is
/// therefore only possible from the cgroup; the engine's one-shot stats are the fallback (a remote engine, a rootless
/// one in another namespace), and take the sampler down to about one reading a second. The cgroup is first looked for
/// where the engine puts it by default, and that place is looked at again while the engine is asked where it is: the
/// engine answers only after the start, by when a container that only exits is gone.
/// </remarks>
internal sealed class ContainerSampler(DockerClient client, TimeProvider time)
{
    private static readonly TimeSpan InspectPeriod = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FindPeriod = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<string, CgroupCounters> cgroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> engineOnly = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> lastInspected = new(StringComparer.Ordinal);

    public async Task<ResourceSample?> SampleAsync(string containerId, string what, CancellationToken cancellationToken)
    {
        if (!engineOnly.ContainsKey(containerId))
        {
            var (running, cgroup) = await CgroupOfAsync(containerId, what, cancellationToken).ConfigureAwait(false);
            if (!running || cgroup is not null)
            {
                return cgroup?.Read(time.GetUtcNow());
            }
        }

        var reading = new LastValue<ContainerStatsResponse>();
        try
        {
            await EngineErrors.GuardAsync($"sample {what}", () => client.Containers.GetContainerStatsAsync(
                containerId, new ContainerStatsParameters { Stream = false, OneShot = true }, reading, cancellationToken)).ConfigureAwait(false);
        }
        catch (ExperienceInfrastructureException e) when (e.InnerException is DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }

        return reading.Value is { } stats && CpuMemoryCalculator.IsRunning(stats) ? CpuMemoryCalculator.Sample(stats) : null;
    }

    public void Forget(string containerId)
    {
        cgroups.TryRemove(containerId, out _);
        engineOnly.TryRemove(containerId, out _);
        lastInspected.TryRemove(containerId, out _);
    }

    // The cgroup's path is the container's for all its starts, so one lookup serves every restart. A container that is not
    // running yet is not asked of the engine's stats, which would wait up to a second for its next collection.
    private async Task<(bool Running, CgroupCounters? Cgroup)> CgroupOfAsync(string containerId, string what, CancellationToken cancellationToken)
    {
        if (cgroups.TryGetValue(containerId, out var known))
        {
            return (true, known);
        }

        if (CgroupCounters.Find(containerId) is { } usual)
        {
            return (true, cgroups.GetOrAdd(containerId, usual));
        }

        // Before the start the usual place is empty; the engine is asked at most every 100 ms, not at every poll.
        var now = time.GetTimestamp();
        if (lastInspected.TryGetValue(containerId, out var last) && time.GetElapsedTime(last, now) < InspectPeriod)
        {
            return (false, null);
        }

        lastInspected[containerId] = now;

        // The engine answers an inspect only once it has finished starting the container (the start holds the container's
        // lock): 100-200 ms on this machine, more than a container that only exits lives. So the usual place is looked at
        // again every 10 ms while the inspect is under way, and the cgroup is used the moment it is there.
        var inspect = InspectAsync(containerId, what, cancellationToken);
        while (!inspect.IsCompleted)
        {
            await Task.WhenAny(inspect, Task.Delay(FindPeriod, time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!inspect.IsCompleted && CgroupCounters.Find(containerId) is { } appeared)
            {
                return (true, cgroups.GetOrAdd(containerId, appeared));
            }
        }

        return await inspect.ConfigureAwait(false);
    }

    // Never faults, as it may be left behind: an inspect that fails (the container is gone, the engine does not answer, the
    // start ended) finds nothing.
    private async Task<(bool Running, CgroupCounters? Cgroup)> InspectAsync(string containerId, string what, CancellationToken cancellationToken)
    {
        ContainerInspectResponse inspected;
        try
        {
            inspected = await EngineErrors.GuardAsync($"inspect {what}", () => client.Containers.InspectContainerAsync(containerId, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ExperienceInfrastructureException or OperationCanceledException)
        {
            return (false, null);
        }

        if (inspected.State is not { Running: true, Pid: > 0 and var pid })
        {
            return (false, null);
        }

        if (CgroupCounters.Locate((int)pid, inspected.ID) is { } found)
        {
            return (true, cgroups.GetOrAdd(containerId, found));
        }

        // A process that has already exited shows nothing either: only a live one outside this host's view means "use the engine".
        if (!Directory.Exists($"/proc/{pid}"))
        {
            return (false, null);
        }

        engineOnly[containerId] = true;
        return (true, null);
    }
}
