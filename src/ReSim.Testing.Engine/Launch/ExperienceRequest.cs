using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Launch;

/// <summary>What a front end asks <see cref="ExperienceLauncher"/> to run: a compose file, its profile and how to run it (R7).</summary>
/// <remarks>Immutable; change it with <c>with</c> expressions.</remarks>
public sealed record ExperienceRequest
{
    /// <summary>The compose file (R1), absolute or relative to the process's current folder.</summary>
    public required string ComposeFile { get; init; }

    /// <summary>The experience's profile (R8), or <see langword="null"/> for none.</summary>
    public string? Profile { get; init; }

    /// <summary>Experience-level environment variables, set in every service and winning over the compose file's (R9).</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>A host folder mounted read-only at <c>/tmp/resim/inputs</c> in every service (R11); <see langword="null"/> for an empty one.</summary>
    public string? InputsDirectory { get; init; }

    /// <summary>How long the experience may run before it fails with a timeout (R18).</summary>
    public TimeSpan Timeout { get; init; } = Experience.DefaultTimeout;

    /// <summary>The system's resources (R7, R13), used both to validate reservations and to run; <see langword="null"/> means this machine, with no GPUs.</summary>
    public SystemResources? System { get; init; }

    /// <summary>The folder the run's logs, metrics, timeline and outputs go to; <see langword="null"/> for a new folder under the system's temp folder.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>A name for the experience in results and logs; <see langword="null"/> for the compose file's name and the profile.</summary>
    public string? Name { get; init; }

    /// <summary>How long a container has between SIGTERM and SIGKILL at teardown (R19).</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many finished runs' folders are kept in the default results root (see <see cref="Experience.ResultsRetention"/>).</summary>
    public ResultsRetention? ResultsRetention { get; init; }

    /// <summary>Whether the compose file's host bind mounts are mounted (see <see cref="Experience.AllowHostMounts"/>); default not.</summary>
    public bool AllowHostMounts { get; init; }

    /// <summary>When images are pulled.</summary>
    public PullPolicy PullPolicy { get; init; } = PullPolicy.Missing;
}
