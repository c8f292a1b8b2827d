using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Configuration;

namespace ReSim.Testing.Execution;

/// <summary>What running a [ComposeExperience] test needs from outside: the engine, the compose loader and the experience slots.</summary>
/// <param name="Engine">Runs experiences.</param>
/// <param name="LoadCompose">Loads a compose file (path, options).</param>
/// <param name="Slots">Limits how many experiences run at once.</param>
internal sealed record ExperienceServices(
    IExperienceEngine Engine,
    Func<string, ComposeLoadOptions, ComposeLoadResult> LoadCompose,
    ExperienceSlots Slots)
{
    /// <summary>The Docker engine, the compose loader and the process-wide slots.</summary>
    public static ExperienceServices Default { get; } = new(new DockerExperienceEngine(), ComposeLoader.LoadFile, ExperienceSlots.Shared);
}
