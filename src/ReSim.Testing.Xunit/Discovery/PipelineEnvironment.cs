using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.Discovery;

/// <summary>
/// What a pipeline sets for every [ComposeExperience] that does not set its own, through environment variables read when
/// the tests are discovered: <c>RESIM_PROFILE</c>, <c>RESIM_ENVIRONMENT</c>, <c>RESIM_TIMEOUT_SECONDS</c> and
/// <c>RESIM_KEEP_CONTAINERS</c> (the MSBuild targets read the same variables).
/// </summary>
internal static class PipelineEnvironment
{
    /// <summary>The variable that gives the profile.</summary>
    public const string ProfileVariable = "RESIM_PROFILE";

    /// <summary>The variable that adds experience-level environment variables, <c>NAME=value;NAME=value</c>.</summary>
    public const string EnvironmentVariable = "RESIM_ENVIRONMENT";

    /// <summary>The variable that gives the timeout in seconds.</summary>
    public const string TimeoutVariable = "RESIM_TIMEOUT_SECONDS";

    /// <summary>The variable that keeps every experience's containers after the verdict: <c>1</c> or <c>true</c>.</summary>
    public const string KeepVariable = "RESIM_KEEP_CONTAINERS";

    /// <summary>Reads the variables as settings text: the layer under every attribute's own settings.</summary>
    /// <param name="lookup">Reads an environment variable.</param>
    /// <returns>The settings the variables give; unset ones are left unset.</returns>
    public static ExperienceSettingsText Read(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return new()
        {
            Profile = lookup(ProfileVariable),
            Environment = EnvironmentEntries.Split(lookup(EnvironmentVariable)),
            TimeoutSeconds = lookup(TimeoutVariable),
            KeepContainers = lookup(KeepVariable),
        };
    }

    /// <summary>How a message names a setting that came from these variables.</summary>
    /// <param name="setting">The setting's <see cref="SettingNames"/> name.</param>
    /// <returns>Such as "the RESIM_TIMEOUT_SECONDS environment variable".</returns>
    public static string Subject(string setting) => setting switch
    {
        SettingNames.Environment => $"the {EnvironmentVariable} environment variable (NAME=value;OTHER=value)",
        SettingNames.TimeoutSeconds => $"the {TimeoutVariable} environment variable",
        SettingNames.KeepContainers => $"the {KeepVariable} environment variable",
        _ => setting,
    };
}
