using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Model;

/// <summary>One service of a compose file, with every short form already turned into its long form.</summary>
public sealed record ServiceDefinition
{
    /// <summary>The label that marks a test orchestrator (R5).</summary>
    public const string OrchestratorLabel = "resim.ai/isTestOrchestrator";

    /// <summary>The service's name: the key under <c>services</c>, and its host name inside the experience (R12).</summary>
    public required string Name { get; init; }

    /// <summary>The image reference exactly as written (after interpolation).</summary>
    public required string Image { get; init; }

    /// <summary>The entrypoint, or <see langword="null"/> to keep the image's.</summary>
    /// <remarks>A string in the file is split the way compose splits it (shell words).</remarks>
    public ImmutableArray<string>? Entrypoint { get; init; }

    /// <summary>The command, or <see langword="null"/> to keep the image's.</summary>
    public ImmutableArray<string>? Command { get; init; }

    /// <summary>The working directory, or <see langword="null"/> to keep the image's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>The environment from <c>env_file</c> and <c>environment</c>, the latter winning.</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The health check, or <see langword="null"/> to keep the image's.</summary>
    public HealthcheckDefinition? Healthcheck { get; init; }

    /// <summary>The services this one depends on, in long form (R2, R15).</summary>
    public ImmutableArray<ServiceDependency> DependsOn { get; init; } = [];

    /// <summary>The restart policy (R17).</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.No;

    /// <summary>The <c>deploy.resources</c> limits and reservations (R13).</summary>
    public ServiceResources Resources { get; init; } = ServiceResources.None;

    /// <summary>The profiles the service belongs to; empty means it always runs (R8).</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>The labels, values as strings (a YAML boolean <c>true</c> becomes <c>"true"</c>).</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The volumes mounted into the service, in long form (R10).</summary>
    public ImmutableArray<VolumeMount> Volumes { get; init; } = [];

    /// <summary>The <c>network_mode</c> as written; every mode means the experience's shared namespace (R12).</summary>
    public string? NetworkMode { get; init; }

    /// <summary>
    /// The other services this one names outside <c>depends_on</c>: <c>network_mode</c>, <c>ipc</c> or <c>pid</c> as
    /// <c>service:NAME</c>, and each <c>volumes_from</c> entry that is not <c>container:NAME</c>. ReSim ignores these keys,
    /// but compose refuses a file whose references name no service, so ReSim does too.
    /// </summary>
    public ImmutableArray<ServiceReference> References { get; init; } = [];

    /// <summary>Where the service is declared (its key under <c>services</c>).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Whether the service is a test orchestrator: its <see cref="OrchestratorLabel"/> is <c>true</c> (R5).</summary>
    public bool IsTestOrchestrator =>
        Labels.TryGetValue(OrchestratorLabel, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the service runs when the experience uses <paramref name="profile"/> (R8).</summary>
    /// <param name="profile">The experience's profile, or <see langword="null"/> for none.</param>
    /// <returns><see langword="true"/> when the service has no profiles or <paramref name="profile"/> is one of them.</returns>
    public bool IsActiveIn(string? profile) => Profiles.IsEmpty || (profile is not null && Profiles.Contains(profile, StringComparer.Ordinal));
}
