using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Model;

/// <summary>How an experience runs, apart from its compose file and profile: the environment, inputs, timeout, system and
/// the local run's own choices (R7). One model for every front end; <see cref="Settings.ExperienceSettingsParser"/> reads it
/// from the text a user writes in an attribute, an MSBuild item or a pipeline switch.</summary>
/// <remarks>Immutable; change it with <c>with</c> expressions.</remarks>
public sealed record ExperienceSettings
{
    /// <summary>The platform's default experience timeout: one hour (R18).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    /// <summary>The default settings: the platform's, on this machine.</summary>
    public static ExperienceSettings Default { get; } = new();

    /// <summary>A name for the experience in results and logs; <see langword="null"/> for its run ID (the xUnit and MSBuild
    /// front ends give the compose file's name and the profile).</summary>
    public string? Name { get; init; }

    /// <summary>Experience-level environment variables: set in every service, winning over the compose file's (R9).</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>A host folder mounted read-only at <c>/tmp/resim/inputs</c> in every service (R11); <see langword="null"/> for an empty one.</summary>
    public string? InputsDirectory { get; init; }

    /// <summary>How long the experience may run before it fails with a timeout (R18), counted from the moment its containers are started.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The system's resources (R7, R13), used both to validate reservations and to run; <see langword="null"/> means this machine, with no GPUs.</summary>
    public SystemResources? System { get; init; }

    /// <summary>How long a container has between SIGTERM and SIGKILL at teardown (R19).</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The folder this run's logs, metrics, timeline and outputs go to; <see langword="null"/> for a new folder under the default results root.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>How many finished runs' folders are kept in the default results root (<see cref="ResultsDirectory"/> unset);
    /// <see langword="null"/> for <see cref="Model.ResultsRetention.Default"/>. <c>RESIM_KEEP_RUNS</c> and <c>RESIM_KEEP_DAYS</c> win.</summary>
    public ResultsRetention? ResultsRetention { get; init; }

    /// <summary>Whether the compose file's host bind mounts are mounted; by default they are left out, as the platform has no host paths.</summary>
    /// <remarks>A local-only opt-in. Even with it, the host's root, <c>/proc</c>, <c>/sys</c>, <c>/dev</c> and the container
    /// engine's socket are refused (the run is an error before any container starts); see the threat model in docs/design.md.</remarks>
    public bool AllowHostMounts { get; init; }

    /// <summary>When images are pulled.</summary>
    public PullPolicy PullPolicy { get; init; } = PullPolicy.Missing;

    /// <summary>
    /// Leaves the containers running after the verdict, for <c>docker exec</c>, instead of tearing them down (R19 is
    /// suspended for this run). Their names and the command that removes them are recorded as <c>kept</c> state changes;
    /// the objects also carry the label <c>ai.resim.testing.kept</c>. The sandbox of such a run does not end with its
    /// owner's hold, so the containers outlive the test process (a killed runner's kept run lives on too); once the owning
    /// process on this host has ended, the next run's orphan sweep removes them.
    /// </summary>
    public bool KeepContainers { get; init; }

    /// <summary>How often CPU and memory are sampled (R22).</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(1);
}
