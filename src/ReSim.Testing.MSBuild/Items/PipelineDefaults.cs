using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>
/// What a build pipeline sets on the command line for every <c>ComposeExperience</c> item that does not set its own:
/// <c>-p:ComposeExperienceProfile=hil</c>, <c>-p:ComposeExperienceEnvironment=SEED=7</c>,
/// <c>-p:ComposeExperienceTimeoutSeconds=900</c>, <c>-p:ComposeExperienceKeepContainers=true</c>.
/// </summary>
internal static class PipelineDefaults
{
    /// <summary>Reads the properties the targets pass, as the settings layer under every item's own metadata.</summary>
    /// <param name="profile">The value of <c>ComposeExperienceProfile</c>.</param>
    /// <param name="environment">The value of <c>ComposeExperienceEnvironment</c>: <c>NAME=value;NAME=value</c>.</param>
    /// <param name="timeoutSeconds">The value of <c>ComposeExperienceTimeoutSeconds</c>.</param>
    /// <param name="keepContainers">The value of <c>ComposeExperienceKeepContainers</c>: <c>true</c>, <c>1</c>, or empty.</param>
    /// <param name="error">Why a value is invalid, naming the property and what to write instead.</param>
    /// <returns>The settings, or <see langword="null"/> when a value is invalid.</returns>
    public static ExperienceSettingsText? Read(string? profile, string? environment, string? timeoutSeconds, string? keepContainers, out string? error)
    {
        var text = new ExperienceSettingsText
        {
            Profile = profile,
            Environment = EnvironmentEntries.Split(environment),
            TimeoutSeconds = timeoutSeconds,
            KeepContainers = keepContainers,
        };
        var problems = ExperienceSettingsParser.Parse(text, Directory.GetCurrentDirectory(), Subject).Problems;
        error = problems.IsEmpty ? null : string.Join(" ", problems);
        return problems.IsEmpty ? text : null;
    }

    /// <summary>A profile alone, for the validation target, which runs nothing.</summary>
    /// <param name="profile">The value of <c>ComposeExperienceProfile</c>.</param>
    /// <returns>The settings with that profile.</returns>
    public static ExperienceSettingsText Profile(string? profile) => new() { Profile = profile };

    // The targets fill each property from its RESIM_ variable when it is not set; a ';' ends a -p: value on the
    // command line, so the environment's example writes it as %3B.
    private static string Subject(string setting) => setting switch
    {
        SettingNames.Environment => "The ComposeExperienceEnvironment property (-p:ComposeExperienceEnvironment=\"NAME=value%3BOTHER=value\", %3B being a ';' on the command line, or RESIM_ENVIRONMENT)",
        SettingNames.TimeoutSeconds => "The ComposeExperienceTimeoutSeconds property (-p:ComposeExperienceTimeoutSeconds, or RESIM_TIMEOUT_SECONDS)",
        SettingNames.KeepContainers => "The ComposeExperienceKeepContainers property (-p:ComposeExperienceKeepContainers, or RESIM_KEEP_CONTAINERS)",
        _ => $"The ComposeExperience{setting} property (-p:ComposeExperience{setting})",
    };
}
