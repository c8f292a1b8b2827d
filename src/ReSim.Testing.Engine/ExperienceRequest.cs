using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine;

/// <summary>What a front end asks <see cref="ExperienceRunner"/> to load and run: a compose file, its profile and how to run it (R7).</summary>
/// <remarks>Immutable; change it with <c>with</c> expressions.</remarks>
public sealed record ExperienceRequest
{
    /// <summary>The compose file (R1), absolute or relative to the process's current folder.</summary>
    public required string ComposeFile { get; init; }

    /// <summary>The experience's profile (R8), or <see langword="null"/> for none.</summary>
    public string? Profile { get; init; }

    /// <summary>The environment, inputs, timeout, system and the local run's choices; <see cref="ExperienceSettings.Default"/> unless set.
    /// Its <see cref="ExperienceSettings.System"/> is also the one the compose file is validated against (R13).</summary>
    public ExperienceSettings Settings { get; init; } = ExperienceSettings.Default;
}
