using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.MSBuild.Items;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>How one requested experience ended, as the tasks report it.</summary>
/// <param name="Experience">The experience that was asked for.</param>
/// <param name="Verdict">The verdict; <see cref="ExperienceVerdict.Error"/> when it could not run.</param>
/// <param name="Reason">Why it did not pass (R20); <see langword="null"/> when it passed.</param>
/// <param name="Diagnostics">The compose diagnostics of its file.</param>
/// <param name="ResultsDirectory">Where its logs, metrics, timeline and outputs are.</param>
internal sealed record ExperienceOutcome(
    ExperienceItem Experience,
    ExperienceVerdict Verdict,
    FailureReason? Reason,
    ImmutableArray<Diagnostic> Diagnostics,
    string ResultsDirectory)
{
    /// <summary>The engine's per-service summary table, when the experience ran.</summary>
    public string? SummaryTable { get; init; }

    /// <summary>What happened to each service, when the experience ran.</summary>
    public ImmutableArray<ServiceResult> Services { get; init; } = [];

    /// <summary>The experience's HTML report, when it ran.</summary>
    public string? ReportFile { get; init; }

    /// <summary>How long the experience ran.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Warnings about the run itself, not its compose file (a previous results folder that could not be deleted).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>What the engine could not do as the platform does (<c>ExperienceResult.Warnings</c>), each reported as RSIM111.</summary>
    public ImmutableArray<string> EngineWarnings { get; init; } = [];

    /// <summary>An outcome for an experience that could not run at all.</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="resultsDirectory">Its results folder.</param>
    /// <param name="why">One sentence saying why and what to do.</param>
    /// <param name="diagnostics">The compose diagnostics, when loading got that far.</param>
    /// <returns>An <see cref="ExperienceVerdict.Error"/> outcome.</returns>
    public static ExperienceOutcome NotRun(ExperienceItem experience, string resultsDirectory, string why, ImmutableArray<Diagnostic> diagnostics = default) =>
        new(experience, ExperienceVerdict.Error, new FailureReason(why, null, null, TimeSpan.Zero, LogExcerpt.Empty), diagnostics.IsDefault ? [] : diagnostics, resultsDirectory);
}
