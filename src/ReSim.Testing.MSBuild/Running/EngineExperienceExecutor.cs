using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.MSBuild.Items;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Runs experiences with the real loader and the engine over the local Docker engine.</summary>
internal sealed class EngineExperienceExecutor : IExperienceExecutor
{
    /// <inheritdoc />
    public async Task<ExperienceOutcome> RunAsync(ExperienceRequest request, string resultsDirectory, IExperienceObserver observer, CancellationToken cancellationToken)
    {
        var load = ComposeLoader.LoadFile(request.ComposeFile, new ComposeLoadOptions { Profile = request.Profile });
        if (load.HasErrors || load.Model is null)
        {
            return ExperienceOutcome.NotRun(request, resultsDirectory, "its compose file has errors (reported above); fix them and run again.", load.Diagnostics);
        }

        // A rerun must not show the logs of the previous run beside its own.
        if (Directory.Exists(resultsDirectory))
        {
            Directory.Delete(resultsDirectory, recursive: true);
        }

        var experience = new Experience
        {
            Compose = load.Model,
            Name = request.Name,
            Environment = request.Environment,
            InputsDirectory = request.InputsDirectory,
            Timeout = request.Timeout,
            ResultsDirectory = resultsDirectory,
        };

        try
        {
            var runtime = new DockerRuntime();
            await using (runtime.ConfigureAwait(false))
            {
                var result = await new ExperienceRunner(runtime).RunAsync(experience, observer, cancellationToken).ConfigureAwait(false);
                return new ExperienceOutcome(request, result.Verdict, result.Reason, [.. load.Diagnostics.Concat(result.Diagnostics).Distinct()], result.ResultsDirectory)
                {
                    SummaryTable = result.ToSummaryTable(),
                    Duration = result.Duration,
                };
            }
        }
        catch (ExperienceInfrastructureException e)
        {
            return ExperienceOutcome.NotRun(request, resultsDirectory, e.Message, load.Diagnostics);
        }
    }
}
