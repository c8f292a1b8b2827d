using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Execution;

/// <summary>Runs experiences on the local Docker engine (DOCKER_HOST or the platform default).</summary>
internal sealed class DockerExperienceEngine : IExperienceEngine
{
    /// <inheritdoc />
    public async Task<ExperienceResult> RunAsync(Experience experience, IExperienceObserver observer, CancellationToken cancellationToken)
    {
        var runtime = new DockerRuntime();
        await using (runtime.ConfigureAwait(false))
        {
            return await new ExperienceRunner(runtime).RunAsync(experience, observer, cancellationToken).ConfigureAwait(false);
        }
    }
}
