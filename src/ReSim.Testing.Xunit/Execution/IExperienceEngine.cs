using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Execution;

/// <summary>Runs an experience to its verdict; the seam between the xUnit front end and the engine.</summary>
internal interface IExperienceEngine
{
    /// <summary>Runs <paramref name="experience"/> and tears it down (R19).</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="observer">Receives live lines and state changes.</param>
    /// <param name="cancellationToken">Cancels the run; everything is still torn down.</param>
    /// <returns>The result.</returns>
    Task<ExperienceResult> RunAsync(Experience experience, IExperienceObserver observer, CancellationToken cancellationToken);
}
