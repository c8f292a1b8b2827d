using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Engine.Results;

/// <summary>The outcome of one experience and where everything it left is.</summary>
public sealed record ExperienceResult
{
    /// <summary>The run's ID, also the value of the <c>ai.resim.testing.run</c> label on its Docker objects.</summary>
    public required string RunId { get; init; }

    /// <summary>The verdict.</summary>
    public required ExperienceVerdict Verdict { get; init; }

    /// <summary>Why it did not pass (R20); <see langword="null"/> when it passed.</summary>
    public FailureReason? Reason { get; init; }

    /// <summary>Per-service records, in compose order.</summary>
    public ImmutableArray<ServiceResult> Services { get; init; } = [];

    /// <summary>The compose diagnostics (warnings, or the errors that stopped the run).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>What this run could not do as the platform does, one sentence each, such as an engine that cannot apply resource limits.</summary>
    /// <remarks>The front ends print each as a warning; the verdict stands, but it may not be the platform's.</remarks>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>How long the run took, from the first container start to the verdict.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The run's results folder.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>The outputs folder mounted at <c>/tmp/resim/outputs</c> (R11, R23).</summary>
    public required string OutputsDirectory { get; init; }

    /// <summary>The timeline of every state change (R23).</summary>
    public string? TimelineFile { get; init; }

    /// <summary>The CPU and memory samples (R22).</summary>
    public string? MetricsFile { get; init; }

    /// <summary>The same samples as JSON lines, <c>resource_metrics.resim.jsonl</c> (R22).</summary>
    public string? ResourceMetricsFile { get; init; }

    /// <summary>The self-contained HTML report of the run (<c>report.html</c> in the results folder): verdict, timeline, charts, logs, outputs.</summary>
    public string? ReportFile { get; init; }

    /// <summary>Whether the experience passed.</summary>
    public bool Passed => Verdict == ExperienceVerdict.Passed;

    /// <summary>A short plain-text table: one row per service with exit codes, restarts, peak memory and mean CPU.</summary>
    /// <returns>The table, lines separated by <see cref="System.Environment.NewLine"/>.</returns>
    public string ToSummaryTable() => SummaryTable.Format(this);
}
