using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine;

/// <summary>Runs experiences on a container runtime and gives the verdict the ReSim platform would give.</summary>
public sealed class ExperienceRunner
{
    private readonly IContainerRuntime runtime;

    /// <summary>Creates a runner over <paramref name="runtime"/>.</summary>
    /// <param name="runtime">The container runtime; the caller keeps ownership.</param>
    public ExperienceRunner(IContainerRuntime runtime) => this.runtime = runtime;

    /// <summary>Runs <paramref name="experience"/> to its verdict and removes everything it created on the engine (R19).</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="observer">Receives live log lines and state changes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run; everything is still torn down.</param>
    /// <returns>The verdict, the reason, per-service records and the paths of logs, metrics, timeline and outputs.</returns>
    public Task<ExperienceResult> RunAsync(Experience experience, IExperienceObserver? observer = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
