using System.Collections.Immutable;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Settings;

/// <summary>What <see cref="ExperienceSettingsParser"/> read: the profile and the settings, or what is wrong with the text.</summary>
/// <param name="Profile">The profile, trimmed; <see langword="null"/> for none.</param>
/// <param name="Settings">The settings; only meaningful when <paramref name="Problems"/> is empty (an invalid setting is left at its default).</param>
/// <param name="Problems">One sentence for each invalid setting, naming it as the user wrote it and what to write instead.</param>
public sealed record ParsedSettings(string? Profile, ExperienceSettings Settings, ImmutableArray<string> Problems)
{
    /// <summary>Whether every setting was valid.</summary>
    public bool IsValid => Problems.IsEmpty;
}
