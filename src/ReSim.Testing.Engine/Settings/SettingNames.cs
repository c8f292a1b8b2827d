namespace ReSim.Testing.Engine.Settings;

/// <summary>The names of the settings users write: the <c>[ComposeExperience]</c> properties, the <c>ComposeExperience</c>
/// item's metadata and the properties of <see cref="ExperienceSettingsText"/> are all named so.</summary>
public static class SettingNames
{
    /// <summary>The profile (R8).</summary>
    public const string Profile = nameof(ExperienceSettingsText.Profile);

    /// <summary>The experience-level environment (R9).</summary>
    public const string Environment = nameof(ExperienceSettingsText.Environment);

    /// <summary>The inputs folder (R11).</summary>
    public const string Inputs = nameof(ExperienceSettingsText.Inputs);

    /// <summary>The timeout in seconds (R18).</summary>
    public const string TimeoutSeconds = nameof(ExperienceSettingsText.TimeoutSeconds);

    /// <summary>The experience's name.</summary>
    public const string Name = nameof(ExperienceSettingsText.Name);

    /// <summary>The system's CPUs (R13).</summary>
    public const string SystemCpus = nameof(ExperienceSettingsText.SystemCpus);

    /// <summary>The system's memory (R13).</summary>
    public const string SystemMemory = nameof(ExperienceSettingsText.SystemMemory);

    /// <summary>The system's GPUs (R13).</summary>
    public const string SystemGpus = nameof(ExperienceSettingsText.SystemGpus);

    /// <summary>Whether host bind mounts are mounted.</summary>
    public const string AllowHostMounts = nameof(ExperienceSettingsText.AllowHostMounts);

    /// <summary>Whether the containers are kept after the verdict.</summary>
    public const string KeepContainers = nameof(ExperienceSettingsText.KeepContainers);
}
