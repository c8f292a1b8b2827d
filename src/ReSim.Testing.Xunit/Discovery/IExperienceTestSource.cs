using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.Discovery;

/// <summary>What a test method's experience attribute says: the compose file, its profiles, and its settings as written.</summary>
internal interface IExperienceTestSource
{
    /// <summary>The compose file, as written.</summary>
    string ComposeFile { get; }

    /// <summary>The one profile, or <see langword="null"/>.</summary>
    string? Profile { get; }

    /// <summary>More profiles, one test case each, or <see langword="null"/>.</summary>
    IReadOnlyList<string>? Profiles { get; }

    /// <summary>The attribute's other settings as text; a setting the attribute does not set is left unset, so a pipeline's value applies.</summary>
    /// <returns>The settings, without a profile.</returns>
    ExperienceSettingsText SettingsText();
}
