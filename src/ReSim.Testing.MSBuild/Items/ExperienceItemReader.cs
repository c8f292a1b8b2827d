using Microsoft.Build.Framework;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>Reads <c>ComposeExperience</c> items: their metadata are the settings of <see cref="ExperienceSettingsText"/>, by
/// the same names (<c>Profile</c>, <c>Environment</c>, <c>Inputs</c>, <c>TimeoutSeconds</c>, <c>Name</c>, <c>SystemCpus</c>,
/// <c>SystemMemory</c>, <c>SystemGpus</c>, <c>AllowHostMounts</c>, <c>KeepContainers</c>), read by the engine's
/// <see cref="ExperienceSettingsParser"/> as the xUnit attribute's are.</summary>
/// <remarks>Pure: relative paths are resolved against the project folder it is given, never the process's current folder.</remarks>
internal static class ExperienceItemReader
{
    /// <summary>Reads one item as written.</summary>
    /// <param name="item">The <c>ComposeExperience</c> item.</param>
    /// <param name="projectDirectory">The folder relative paths are resolved against.</param>
    /// <param name="error">Why the item is invalid, naming the metadata and what to write instead.</param>
    /// <returns>The experience, or <see langword="null"/> when the item is invalid.</returns>
    public static ExperienceItem? Read(ITaskItem item, string projectDirectory, out string? error) =>
        Read(item, projectDirectory, ExperienceSettingsText.None, out error);

    /// <summary>Reads one item, with what the pipeline sets for metadata the item leaves empty.</summary>
    /// <param name="item">The <c>ComposeExperience</c> item.</param>
    /// <param name="projectDirectory">The folder relative paths are resolved against.</param>
    /// <param name="defaults">The pipeline's settings (<see cref="PipelineDefaults"/>); the item's own metadata wins.</param>
    /// <param name="error">Why the item is invalid, naming the metadata and what to write instead.</param>
    /// <returns>The experience, or <see langword="null"/> when the item is invalid.</returns>
    public static ExperienceItem? Read(ITaskItem item, string projectDirectory, ExperienceSettingsText defaults, out string? error)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(defaults);
        var spec = item.ItemSpec;
        var written = new ExperienceSettingsText
        {
            Profile = item.GetMetadata(SettingNames.Profile),
            Environment = EnvironmentEntries.Split(item.GetMetadata(SettingNames.Environment)),
            Inputs = item.GetMetadata(SettingNames.Inputs),
            TimeoutSeconds = item.GetMetadata(SettingNames.TimeoutSeconds),
            Name = item.GetMetadata(SettingNames.Name),
            SystemCpus = item.GetMetadata(SettingNames.SystemCpus),
            SystemMemory = item.GetMetadata(SettingNames.SystemMemory),
            SystemGpus = [.. item.GetMetadata(SettingNames.SystemGpus).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            AllowHostMounts = item.GetMetadata(SettingNames.AllowHostMounts),
            KeepContainers = item.GetMetadata(SettingNames.KeepContainers),
        };
        var parsed = ExperienceSettingsParser.Parse(written.Over(defaults), projectDirectory, setting => $"ComposeExperience '{spec}': {setting}");
        if (!parsed.IsValid)
        {
            error = string.Join(" ", parsed.Problems);
            return null;
        }

        error = null;
        var composeFile = Path.GetFullPath(spec, projectDirectory);
        return new ExperienceItem(spec, new ExperienceRequest
        {
            ComposeFile = composeFile,
            Profile = parsed.Profile,
            Settings = parsed.Settings with { Name = parsed.Settings.Name ?? DefaultName(composeFile, parsed.Profile) },
        });
    }

    /// <summary>The name an experience gets without <c>Name</c> metadata: the compose file's name and the profile.</summary>
    /// <param name="composeFile">The compose file.</param>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns>For example <c>compose-sim</c>.</returns>
    public static string DefaultName(string composeFile, string? profile)
    {
        var stem = Path.GetFileNameWithoutExtension(composeFile);
        return profile is null ? stem : $"{stem}-{profile}";
    }
}
