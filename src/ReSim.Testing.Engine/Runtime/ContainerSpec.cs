using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Runtime;

/// <summary>Everything needed to create one service's container, already resolved for the run.</summary>
public sealed record ContainerSpec
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }

    /// <summary>The compose service.</summary>
    public required string Service { get; init; }

    /// <summary>The container name, unique per run.</summary>
    public required string Name { get; init; }

    /// <summary>The image reference.</summary>
    public required string Image { get; init; }

    /// <summary>The entrypoint, or <see langword="null"/> for the image's.</summary>
    public ImmutableArray<string>? Entrypoint { get; init; }

    /// <summary>The command, or <see langword="null"/> for the image's.</summary>
    public ImmutableArray<string>? Command { get; init; }

    /// <summary>The working directory, or <see langword="null"/> for the image's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>The environment: the compose file's, then the experience's winning (R9).</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The health check, or <see langword="null"/> for the image's.</summary>
    public HealthCheckSpec? Healthcheck { get; init; }

    /// <summary>The compose labels and the run's labels (<see cref="RunLabels"/>).</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The mounts: named volumes, tmpfs, the compose file's host bind mounts and <c>/tmp/resim</c> (R10, R11).</summary>
    public ImmutableArray<MountSpec> Mounts { get; init; } = [];

    /// <summary>The sandbox whose network namespace (R12) and PID namespace the container joins; the container ends when the sandbox does.</summary>
    public required string NetworkNamespaceOf { get; init; }

    /// <summary>The CPU, memory and process limits (R13).</summary>
    public ContainerLimits Limits { get; init; } = ContainerLimits.None;

    /// <summary>The GPUs given to this service alone (R13), as device IDs.</summary>
    public ImmutableArray<string> GpuDeviceIds { get; init; } = [];

    /// <summary>The GPU driver to ask for, when <see cref="GpuDeviceIds"/> is not empty.</summary>
    public string? GpuDriver { get; init; }
}
