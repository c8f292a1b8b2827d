using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Execution;

/// <summary>What running a [ComposeExperience] test needs from outside: loading, running and the experience slots.</summary>
/// <param name="Load">Loads a request's compose file and builds its experience.</param>
/// <param name="Run">Runs a loaded experience to its verdict and tears it down (R19).</param>
/// <param name="Slots">Limits how many experiences run at once.</param>
internal sealed record ExperienceServices(
    Func<ExperienceRequest, LoadedExperience> Load,
    Func<LoadedExperience, IExperienceObserver?, CancellationToken, Task<ExperienceResult>> Run,
    ExperienceSlots Slots)
{
    /// <summary>The engine's launcher over the process-wide Docker runtime, and the process-wide slots.</summary>
    public static ExperienceServices Default { get; } = new(ExperienceRunner.Load, ExperienceRunner.Shared.RunAsync, ExperienceSlots.Shared);
}
