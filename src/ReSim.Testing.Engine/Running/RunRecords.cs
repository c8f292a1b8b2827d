using System.Collections.Immutable;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Reporting;

namespace ReSim.Testing.Engine.Running;

/// <summary>What one run writes down (R21-R23): each service's log file, the timeline, the metrics files, and the lines the report keeps.</summary>
/// <remarks>Every member is thread-safe: log streams, the loop and the sampler write at once.</remarks>
internal sealed class RunRecords : IDisposable
{
    private readonly List<IDisposable> opened = [];

    /// <summary>Creates the run's files.</summary>
    /// <param name="plan">The run's plan: one log per service.</param>
    /// <param name="paths">Where the files go.</param>
    /// <param name="observer">The caller's observer, or <see langword="null"/>.</param>
    /// <exception cref="IOException">A file could not be created; those created before are closed.</exception>
    public RunRecords(RunPlan plan, RunPaths paths, IExperienceObserver? observer)
    {
        Observer = new ReportObserver(Tails, observer);
        try
        {
            Logs = plan.Services.ToImmutableSortedDictionary(s => s.Name, s => Open(new ServiceLog(paths.LogFile(s.Name))), StringComparer.Ordinal);
            Timeline = Open(new Timeline(paths.Timeline, Observer));
            Metrics = Open(new MetricsFiles(paths.Metrics, paths.ResourceMetrics));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Each service's log, by name.</summary>
    public ImmutableSortedDictionary<string, ServiceLog> Logs { get; }

    /// <summary>The lines of each start the report shows.</summary>
    public LogTails Tails { get; } = new();

    /// <summary>The caller's observer, with the report's tails fed first.</summary>
    public IExperienceObserver Observer { get; }

    /// <summary>The timeline (R23).</summary>
    public Timeline Timeline { get; }

    /// <summary>The metrics files (R22).</summary>
    public MetricsFiles Metrics { get; }

    public void Dispose()
    {
        foreach (var file in opened)
        {
            file.Dispose();
        }

        opened.Clear();
    }

    private T Open<T>(T file)
        where T : IDisposable
    {
        opened.Add(file);
        return file;
    }
}
