using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Model;

/// <summary>One run of a compose build: the loaded file for its profile, and how it runs (R7).</summary>
/// <remarks>Immutable; change it with <c>with</c> expressions. The profile is the one <see cref="Compose"/> was loaded for.</remarks>
public sealed record Experience
{
    /// <summary>The loaded compose file; its <see cref="ComposeModel.Profile"/> selects the services (R8).</summary>
    public required ComposeModel Compose { get; init; }

    /// <summary>The environment, inputs, timeout, system and the local run's choices; <see cref="ExperienceSettings.Default"/> unless set.</summary>
    public ExperienceSettings Settings { get; init; } = ExperienceSettings.Default;

    /// <summary>This experience with its settings changed: <c>experience.WithSettings(s =&gt; s with { Timeout = TimeSpan.FromMinutes(5) })</c>.</summary>
    /// <param name="change">Gives the new settings from the current ones.</param>
    /// <returns>The changed experience.</returns>
    public Experience WithSettings(Func<ExperienceSettings, ExperienceSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Settings = change(Settings) };
    }
}
