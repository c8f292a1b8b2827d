using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Resolves an experience into the objects of one run: names, labels, environment, mounts, limits, GPUs. Pure.</summary>
/// <remarks>
/// Engine names are the run's prefix and the compose name: <c>resim-RUN-SERVICE</c>, <c>resim-RUN-VOLUME</c>, and
/// <c>resim-RUN_sandbox</c> (an underscore, so no service name can clash). Host bind mounts from the compose file are left
/// out, since the platform has none of the user's host paths (the loader warns, RSIM090); with
/// <see cref="ExperienceSettings.AllowHostMounts"/> they are made from the path the kernel would mount, read-only kept, unless
/// <see cref="HostMountGuard"/> refuses the path, which is an error of the plan.
/// </remarks>
internal static class RunPlanner
{
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    public static RunPlan Plan(Experience experience, string runId, RunPaths paths)
    {
        var compose = experience.Compose;
        var services = compose.ActiveServices;
        var prefix = $"resim-{runId}";
        var runLabels = experience.Settings.KeepContainers
            ? new Dictionary<string, string>(RunLabels.For(runId), StringComparer.Ordinal) { [RunLabels.Kept] = "true" }
            : RunLabels.For(runId);
        var system = experience.Settings.System ?? SystemResources.FromThisMachine();
        var gpus = GpuAssigner.Assign(services, system.Gpus);
        var errors = Validate(compose, services).Concat(CheckReservations(compose, services, system)).Concat(gpus.Errors).ToList();

        var sandbox = new SandboxSpec(runId, $"{prefix}_sandbox", [.. services.Select(s => s.Name)], Labels(runLabels, null, "sandbox"));
        var volumeNames = compose.Volumes.Select(v => v.Name)
            .Concat(services.SelectMany(s => s.Volumes).Where(m => m.Type == VolumeMountType.Volume && m.Source is not null).Select(m => m.Source!))
            .Distinct(StringComparer.Ordinal);
        var anonymous = services.SelectMany(s => s.Volumes.Where(m => m.Type == VolumeMountType.Volume && m.Source is null).Select((_, i) => AnonymousVolume(s, i)));
        var volumes = volumeNames.Concat(anonymous)
            .Select(name => new VolumeSpec($"{prefix}-{name}", Labels(runLabels, compose.Volumes.FirstOrDefault(v => v.Name == name)?.Labels, "volume")))
            .ToImmutableArray();

        var containers = services.Select(service => new ContainerSpec
        {
            RunId = runId,
            Service = service.Name,
            Name = $"{prefix}-{service.Name}",
            Image = service.Image,
            Entrypoint = service.Entrypoint,
            Command = service.Command,
            WorkingDir = service.WorkingDir,
            Environment = service.Environment.WithComparers(StringComparer.Ordinal).SetItems(experience.Settings.Environment),
            Healthcheck = HealthCheck(service.Healthcheck),
            Labels = Labels(runLabels, service.Labels, "service", service.Name),
            Mounts = Mounts(service, prefix, paths, experience.Settings.AllowHostMounts, errors),
            NetworkNamespaceOf = sandbox.Name,
            Limits = Limits(service.Resources.Limits),
            GpuDeviceIds = gpus.DeviceIds.GetValueOrDefault(service.Name, []),
            GpuDriver = gpus.Drivers.GetValueOrDefault(service.Name),
        }).ToImmutableArray();

        return new(runId, services, sandbox, volumes, containers, [.. errors]);
    }

    private static IEnumerable<string> Validate(ComposeModel compose, ImmutableArray<ServiceDefinition> services)
    {
        var file = compose.SourceFile ?? "compose file";
        if (services.IsEmpty)
        {
            yield return $"{file}: no service runs for profile '{compose.Profile ?? "(none)"}' (R8); check the services' profiles.";
        }
        else if (!services.Any(s => s.IsTestOrchestrator))
        {
            yield return $"{file}: no active service carries the label {ServiceDefinition.OrchestratorLabel}: \"true\" (R5); add it to the service that runs the test.";
        }

        var active = services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var service in services)
        {
            foreach (var dependency in service.DependsOn.Where(d => d.Required && !active.Contains(d.Service)))
            {
                yield return $"{service.Location}: service '{service.Name}' depends on '{dependency.Service}', which does not run for profile '{compose.Profile ?? "(none)"}' (R8).";
            }
        }
    }

    // The loader checks the same against the system it was given; the experience's system is the one that counts here.
    private static IEnumerable<string> CheckReservations(ComposeModel compose, ImmutableArray<ServiceDefinition> services, SystemResources system)
    {
        var file = compose.SourceFile ?? "compose file";
        var cpus = services.Sum(s => s.Resources.Reservations.Cpus ?? 0);
        if (cpus >= system.Cpus)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{file}: the services reserve {cpus:0.##} CPUs in total but the system has {system.Cpus:0.##} (R13). Reserve fewer, or give the experience more (ExperienceSettings.System).");
        }

        var memory = services.Sum(s => s.Resources.Reservations.MemoryBytes ?? 0);
        if (memory >= system.MemoryBytes)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{file}: the services reserve {memory / 1048576.0:0.#} MiB of memory in total but the system has {system.MemoryBytes / 1048576.0:0.#} MiB (R13). Reserve less, or give the experience more (ExperienceSettings.System).");
        }
    }

    private static ImmutableArray<MountSpec> Mounts(ServiceDefinition service, string prefix, RunPaths paths, bool allowHostMounts, List<string> errors)
    {
        var mounts = ImmutableArray.CreateBuilder<MountSpec>();
        var anonymousIndex = 0;
        foreach (var mount in service.Volumes)
        {
            switch (mount.Type)
            {
                case VolumeMountType.Volume:
                    var name = mount.Source ?? AnonymousVolume(service, anonymousIndex++);
                    mounts.Add(new(MountKind.Volume, $"{prefix}-{name}", mount.Target, mount.ReadOnly));
                    break;
                case VolumeMountType.Tmpfs:
                    mounts.Add(new(MountKind.Tmpfs, string.Empty, mount.Target, mount.ReadOnly));
                    break;
                case VolumeMountType.Bind when mount.Source is not null && allowHostMounts:
                    if (HostMountGuard.Refusal(mount.Source, out var resolved) is { } refusal)
                    {
                        errors.Add($"{service.Location}: service '{service.Name}' cannot bind-mount the host path: {refusal}, even with host mounts allowed (AllowHostMounts). "
                            + $"Give the data to the experience in its inputs folder ({RunPaths.ContainerRoot}/inputs) or a named volume instead.");
                    }
                    else
                    {
                        mounts.Add(new(MountKind.Bind, resolved, mount.Target, mount.ReadOnly));
                    }

                    break;
                default:
                    break;
            }
        }

        mounts.Add(new(MountKind.Bind, paths.Inputs, RunPaths.ContainerRoot + "/inputs", ReadOnly: true));
        mounts.Add(new(MountKind.Bind, paths.Outputs, RunPaths.ContainerRoot + "/outputs", ReadOnly: false));
        mounts.Add(new(MountKind.Bind, paths.TestConfig, RunPaths.ContainerRoot + "/test_config.json", ReadOnly: true));
        return mounts.ToImmutable();
    }

    // The compose model's health check and limits in the runtime's terms: the one place that knows both.
    private static HealthCheckSpec? HealthCheck(HealthcheckDefinition? healthcheck) => healthcheck is null ? null : new()
    {
        Test = healthcheck.IsDisabled ? [] : healthcheck.Test,
        Interval = healthcheck.Interval,
        Timeout = healthcheck.Timeout,
        Retries = healthcheck.Retries,
        StartPeriod = healthcheck.StartPeriod,
        StartInterval = healthcheck.StartInterval,
        IsDisabled = healthcheck.IsDisabled,
    };

    private static ContainerLimits Limits(ResourceLimits limits) => new(limits.Cpus, limits.MemoryBytes, limits.Pids);

    private static string AnonymousVolume(ServiceDefinition service, int index) => $"{service.Name}_anonymous{index}";

    private static ImmutableSortedDictionary<string, string> Labels(
        IReadOnlyDictionary<string, string> runLabels, IEnumerable<KeyValuePair<string, string>>? own, string role, string? service = null)
    {
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (own ?? []).Concat(runLabels))
        {
            labels[key] = value;
        }

        labels[RunLabels.Role] = role;
        if (service is not null)
        {
            labels[RunLabels.Service] = service;
        }

        return labels.ToImmutable();
    }
}
