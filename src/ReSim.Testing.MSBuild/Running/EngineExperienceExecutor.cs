using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.MSBuild.Items;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Runs experiences with the engine's <see cref="ExperienceRunner"/> over the process-wide Docker runtime.</summary>
/// <param name="runner">Loads and runs experiences.</param>
/// <param name="resultsFolder">Clears a results folder before a rerun.</param>
internal sealed class EngineExperienceExecutor(ExperienceRunner runner, ResultsFolder resultsFolder) : IExperienceExecutor
{
    /// <summary>Creates an executor over the local Docker engine.</summary>
    public EngineExperienceExecutor()
        : this(ExperienceRunner.Shared, ResultsFolder.Default)
    {
    }

    /// <inheritdoc />
    public async Task<ExperienceOutcome> RunAsync(ExperienceItem experience, string resultsRoot, string resultsDirectory, IExperienceObserver observer, CancellationToken cancellationToken)
    {
        var loaded = ExperienceRunner.Load(experience.Request with { Settings = experience.Request.Settings with { ResultsDirectory = resultsDirectory } });
        if (!loaded.CanRun)
        {
            return ExperienceOutcome.NotRun(experience, resultsDirectory, "its compose file has errors (reported above); fix them and run again.", loaded.Load.Diagnostics);
        }

        if (!ResultsFolder.IsDirectlyInside(resultsRoot, resultsDirectory))
        {
            return ExperienceOutcome.NotRun(experience, resultsDirectory, $"its results folder {resultsDirectory} is not a folder inside the results root {resultsRoot}, so nothing was deleted or run. Give the item a Name that is a plain folder name.");
        }

        var folder = resultsFolder.Prepare(resultsRoot, resultsDirectory, out var warning);
        var prepared = loaded.Experience with { Settings = loaded.Experience.Settings with { ResultsDirectory = folder } };
        var result = await runner.RunAsync(loaded with { Experience = prepared }, observer, cancellationToken).ConfigureAwait(false);
        return new ExperienceOutcome(experience, result.Verdict, result.Reason, result.Diagnostics, result.ResultsDirectory)
        {
            SummaryTable = result.Services.IsDefaultOrEmpty ? null : result.ToSummaryTable(),
            Duration = result.Duration,
            Services = result.Services,
            ReportFile = result.ReportFile,
            Warnings = warning is null ? [] : [warning],
            EngineWarnings = result.Warnings,
        };
    }
}
