using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Settings;

/// <summary>
/// An experience's settings as a user writes them, before they are read: the properties of <c>[ComposeExperience]</c>,
/// the metadata of a <c>ComposeExperience</c> MSBuild item, or a pipeline's switches, each a text (or a list of texts).
/// <see cref="ExperienceSettingsParser"/> reads it into <see cref="Model.ExperienceSettings"/>, the same way for every front end.
/// </summary>
/// <remarks>Each property is named as the attribute's property and the item's metadata are (<see cref="SettingNames"/>);
/// <see langword="null"/> (or an empty list) means not set. Immutable; change it with <c>with</c> expressions.</remarks>
public sealed record ExperienceSettingsText
{
    /// <summary>No setting set: every one the platform's default.</summary>
    public static ExperienceSettingsText None { get; } = new();

    /// <summary>The profile (R8), such as <c>sim</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>Experience-level environment variables as <c>NAME=value</c> entries (R9); a later entry for the same name wins.</summary>
    public ImmutableArray<string> Environment { get; init; } = [];

    /// <summary>The inputs folder (R11), relative to the folder the parser is given, or absolute.</summary>
    public string? Inputs { get; init; }

    /// <summary>The timeout in seconds (R18), such as <c>600</c>.</summary>
    public string? TimeoutSeconds { get; init; }

    /// <summary>The experience's name in results, logs and its results folder: one plain folder name.</summary>
    public string? Name { get; init; }

    /// <summary>The system's CPUs (R13), such as <c>8</c> or <c>2.5</c>.</summary>
    public string? SystemCpus { get; init; }

    /// <summary>The system's memory (R13) as a compose size, such as <c>16g</c>.</summary>
    public string? SystemMemory { get; init; }

    /// <summary>The IDs of the system's GPUs (R13), such as <c>0</c>.</summary>
    public ImmutableArray<string> SystemGpus { get; init; } = [];

    /// <summary>Whether the compose file's host bind mounts are mounted in local runs: <c>true</c>, <c>false</c>, <c>1</c> or <c>0</c>.</summary>
    public string? AllowHostMounts { get; init; }

    /// <summary>Whether the containers are kept after the verdict: <c>true</c>, <c>false</c>, <c>1</c> or <c>0</c>.</summary>
    public string? KeepContainers { get; init; }

    /// <summary>These settings over <paramref name="defaults"/>: each setting this one leaves unset (or blank) is taken from
    /// them; the environment is theirs followed by this one's, so this one's entry for a name wins.</summary>
    /// <param name="defaults">The lower layer, such as a pipeline's switches.</param>
    /// <returns>The combined settings.</returns>
    public ExperienceSettingsText Over(ExperienceSettingsText defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new()
        {
            Profile = Either(Profile, defaults.Profile),
            Environment = [.. defaults.Environment.IsDefault ? [] : defaults.Environment, .. Environment.IsDefault ? [] : Environment],
            Inputs = Either(Inputs, defaults.Inputs),
            TimeoutSeconds = Either(TimeoutSeconds, defaults.TimeoutSeconds),
            Name = Either(Name, defaults.Name),
            SystemCpus = Either(SystemCpus, defaults.SystemCpus),
            SystemMemory = Either(SystemMemory, defaults.SystemMemory),
            SystemGpus = SystemGpus.IsDefaultOrEmpty ? defaults.SystemGpus : SystemGpus,
            AllowHostMounts = Either(AllowHostMounts, defaults.AllowHostMounts),
            KeepContainers = Either(KeepContainers, defaults.KeepContainers),
        };
    }

    // A blank value is as unset as a missing one: an empty item metadata or variable leaves the layer below in force.
    // Values are trimmed here, so a profile's display name and trait are the profile the run uses.
    private static string? Either(string? value, string? below) =>
        !string.IsNullOrWhiteSpace(value) ? value.Trim() : string.IsNullOrWhiteSpace(below) ? null : below.Trim();
}
