using System.Collections.Immutable;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Everything one experience report shows.</summary>
/// <param name="Name">The experience's name.</param>
/// <param name="Result">The result: verdict, reason, services, folders.</param>
/// <param name="Timeline">Every state change, in the order recorded.</param>
/// <param name="Points">Every metrics row.</param>
/// <param name="Logs">The log tails of each service's starts.</param>
internal sealed record ReportData(
    string Name,
    ExperienceResult Result,
    ImmutableArray<TimelineEntry> Timeline,
    ImmutableArray<MetricsPoint> Points,
    ImmutableDictionary<string, ImmutableArray<LogStartRecord>> Logs)
{
    /// <summary>The seconds the time axes span: to the last thing recorded.</summary>
    public double EndSeconds => Math.Max(
        0.001,
        Timeline.Select(e => e.Elapsed.TotalSeconds).Concat(Points.Select(p => p.ElapsedSeconds)).Append(Result.Duration.TotalSeconds).Max());
}
