using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Launch;

namespace ReSim.Testing.Discovery;

/// <summary>What one [ComposeExperience] test case runs: everything the attribute says, for one profile.</summary>
/// <param name="ComposeFile">The compose file as written (relative to the test project's folder, or absolute).</param>
/// <param name="Profile">The profile, or <see langword="null"/> for none (R8).</param>
/// <param name="Environment">Experience-level <c>KEY=VALUE</c> entries (R9).</param>
/// <param name="Inputs">The inputs folder as written, or <see langword="null"/> for none (R11).</param>
/// <param name="TimeoutSeconds">The experience's timeout (R18).</param>
internal sealed record ExperienceTestSpec(
    string ComposeFile,
    string? Profile,
    ImmutableArray<string> Environment,
    string? Inputs,
    int TimeoutSeconds)
{
    /// <summary>The system's CPUs (R13); <see langword="null"/> for this machine's.</summary>
    public double? SystemCpus { get; init; }

    /// <summary>The system's memory as written, such as <c>16g</c> (R13); <see langword="null"/> for this machine's.</summary>
    public string? SystemMemory { get; init; }

    /// <summary>The IDs of the system's GPUs (R13); empty for none.</summary>
    public ImmutableArray<string> SystemGpus { get; init; } = [];

    /// <summary>Whether the compose file's host bind mounts are mounted (local runs only); default not.</summary>
    public bool AllowHostMounts { get; init; }

    /// <summary>Whether the attribute keeps the containers after the verdict (<see cref="ComposeExperienceAttribute.KeepContainers"/>).</summary>
    public bool KeepContainers { get; init; }

    /// <summary>The system the experience is validated against and runs on (R7, R13), each unset part this machine's.</summary>
    /// <returns>The resources, or <see langword="null"/> for this machine with no GPUs.</returns>
    public SystemResources? System() =>
        SystemResourcesChoice.From(SystemCpus, MemorySize.TryParse(SystemMemory, out var bytes) ? bytes : null, SystemGpus);

    /// <summary>The experience-level environment as a map; a later entry for the same key wins.</summary>
    /// <returns>The variables, keys in ordinal order.</returns>
    public ImmutableSortedDictionary<string, string> EnvironmentVariables() => EnvironmentEntries.Parse(Environment, []);

    /// <summary>The test case's display name: the method's, followed by the profile when there is one.</summary>
    /// <param name="baseDisplayName">The display name xUnit gives the method.</param>
    /// <returns>The display name of this case.</returns>
    public string DisplayName(string baseDisplayName) =>
        Profile is null ? baseDisplayName : $"{baseDisplayName}(profile: \"{Profile}\")";

    /// <summary>The test case's unique ID: the method's, with the profile appended when there is one.</summary>
    /// <param name="baseUniqueId">The unique ID xUnit computes for the method.</param>
    /// <returns>The unique ID of this case.</returns>
    public string UniqueId(string baseUniqueId) => Profile is null ? baseUniqueId : $"{baseUniqueId}[profile:{Profile}]";
}
