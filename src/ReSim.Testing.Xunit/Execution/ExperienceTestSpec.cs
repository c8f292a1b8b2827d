using System.Text.Json;
using System.Text.Json.Serialization;
using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.Execution;

/// <summary>What one [ComposeExperience] test case runs: the compose file and its settings as written, for one profile.</summary>
/// <remarks>The settings stay text until the case runs, where <see cref="ExperienceSettingsParser"/> reads them against the
/// test project's folder; discovery has already checked that they read. The spec writes itself to one JSON text, so the
/// test case serializes it whole (<see cref="ToJson"/>, <see cref="FromJson"/>).</remarks>
/// <param name="ComposeFile">The compose file as written (relative to the test project's folder, or absolute).</param>
/// <param name="Settings">The settings as written, with the case's profile and the pipeline's values under the attribute's.</param>
internal sealed record ExperienceTestSpec(string ComposeFile, ExperienceSettingsText Settings)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The profile, or <see langword="null"/> for none (R8).</summary>
    [JsonIgnore]
    public string? Profile => Settings.Profile;

    /// <summary>Reads the settings, as the attribute's properties name them.</summary>
    /// <param name="baseDirectory">The folder a relative inputs folder is resolved against: the test project's.</param>
    /// <returns>The profile and settings, or the problems.</returns>
    public ParsedSettings Read(string baseDirectory) => ExperienceSettingsParser.Parse(Settings, baseDirectory, setting => setting);

    /// <summary>The spec as one JSON text.</summary>
    /// <returns>The text <see cref="FromJson"/> reads back.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a spec <see cref="ToJson"/> wrote.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="InvalidOperationException">The text is not such a spec.</exception>
    public static ExperienceTestSpec FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ExperienceTestSpec>(json, Json) ?? throw new JsonException("the spec is null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("Could not read the experience of a [ComposeExperience] test case; rebuild the test project and discover the tests again.", e);
        }
    }

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
