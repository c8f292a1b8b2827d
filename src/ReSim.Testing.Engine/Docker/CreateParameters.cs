using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;
using ContainerSpec = ReSim.Testing.Engine.Runtime.ContainerSpec;
using DockerDeviceRequest = Docker.DotNet.Models.DeviceRequest;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Turns the runtime's specs into Docker's create-container requests; pure, so the mapping is tested without an engine.</summary>
internal static class CreateParameters
{
    /// <summary>The request for a service's container.</summary>
    /// <param name="spec">The resolved service.</param>
    /// <param name="engine">How the engine takes GPU requests; <see langword="null"/> for Docker's way.</param>
    /// <returns>
    /// The request: joined to the sandbox's network namespace (R12) and PID namespace (so the kernel ends the service when the
    /// sandbox ends, see <see cref="SandboxHolds"/>), no restart policy (the engine decides restarts).
    /// </returns>
    internal static CreateContainerParameters ForService(ContainerSpec spec, EngineCapabilities? engine = null) => new()
    {
        Name = spec.Name,
        Image = spec.Image,
        // Docker's model types these as non-null, but null (left out of the request) is how the image's own is kept.
        Entrypoint = spec.Entrypoint?.ToList()!,
        Cmd = spec.Command?.ToList()!,
        WorkingDir = spec.WorkingDir ?? string.Empty,
        Env = spec.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
        Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal),
        Healthcheck = spec.Healthcheck is null ? null : Healthcheck(spec.Healthcheck),
        HostConfig = new HostConfig
        {
            NetworkMode = "container:" + spec.NetworkNamespaceOf,
            PidMode = "container:" + spec.NetworkNamespaceOf,
            Mounts = spec.Mounts.Select(Mount).ToList(),
            NanoCPUs = spec.Limits.Cpus is { } cpus ? (long)Math.Round(cpus * 1e9) : 0,
            Memory = spec.Limits.MemoryBytes ?? 0,
            PidsLimit = spec.Limits.Pids,
            DeviceRequests = spec.GpuDeviceIds.IsDefaultOrEmpty || engine?.GpusAsCdiDevices == true
                ? null!
                : [new DockerDeviceRequest { Driver = spec.GpuDriver ?? string.Empty, DeviceIDs = [.. spec.GpuDeviceIds], Capabilities = [["gpu"]] }],
            Devices = spec.GpuDeviceIds.IsDefaultOrEmpty || engine?.GpusAsCdiDevices != true
                ? null!
                : [.. spec.GpuDeviceIds.Select(id => new DeviceMapping { PathOnHost = EngineCapabilities.CdiDevice(spec.GpuDriver, id), CgroupPermissions = "rwm" })],
        },
    };

    /// <summary>The request for the sandbox that holds the run's network namespace (R12).</summary>
    /// <param name="spec">The sandbox.</param>
    /// <param name="image">The sandbox image's tag.</param>
    /// <returns>
    /// The request: Docker's init process (so SIGTERM stops it at once), every service name resolving to 127.0.0.1,
    /// the default bridge for outbound traffic, nothing published, and a standard input that stays open until the one
    /// client attached to it goes (the owner's hold, <see cref="SandboxHolds"/>).
    /// </returns>
    internal static CreateContainerParameters ForSandbox(SandboxSpec spec, string image) => new()
    {
        Name = spec.Name,
        Image = image,
        OpenStdin = true,
        // A kept run (ExperienceSettings.KeepContainers) must outlive its owner for debugging: its stdin stays open when the hold goes.
        StdinOnce = !spec.Labels.ContainsKey(RunLabels.Kept),
        Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal),
        HostConfig = new HostConfig
        {
            Init = true,
            ExtraHosts = spec.HostNames.Select(name => name + ":127.0.0.1").ToList(),
        },
    };

    /// <summary>Docker's health check for the runtime's; durations go out in nanoseconds (the client's converter does that).</summary>
    /// <param name="healthcheck">The health check.</param>
    /// <returns>The Docker health check.</returns>
    internal static HealthcheckConfig Healthcheck(HealthCheckSpec healthcheck) => healthcheck.IsDisabled
        ? new HealthcheckConfig { Test = ["NONE"] }
        : new HealthcheckConfig
        {
            Test = healthcheck.Test.IsDefaultOrEmpty ? null : [.. healthcheck.Test],
            Interval = healthcheck.Interval,
            Timeout = healthcheck.Timeout,
            StartPeriod = healthcheck.StartPeriod,
            StartInterval = healthcheck.StartInterval,
            Retries = healthcheck.Retries,
        };

    /// <summary>Docker's mount for one of the runtime's.</summary>
    /// <param name="mount">The mount.</param>
    /// <returns>A volume, bind or tmpfs mount.</returns>
    internal static Mount Mount(MountSpec mount) => mount.Kind switch
    {
        MountKind.Volume => new Mount { Type = "volume", Source = mount.Source, Target = mount.Target, ReadOnly = mount.ReadOnly },
        MountKind.Bind => new Mount { Type = "bind", Source = mount.Source, Target = mount.Target, ReadOnly = mount.ReadOnly },
        MountKind.Tmpfs => new Mount { Type = "tmpfs", Target = mount.Target, ReadOnly = mount.ReadOnly },
        _ => throw new ArgumentOutOfRangeException(nameof(mount), mount.Kind.ToString(), "unknown mount kind"),
    };
}
