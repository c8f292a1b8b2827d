using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ReSim.Testing.Engine.Reporting;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Running;

/// <summary>The metrics of a run (R22): <c>metrics.csv</c>, the same rows as JSON lines, and summaries per service and per start.</summary>
/// <remarks>
/// CSV columns: <c>time,elapsed_seconds,service,start,container,cpu_percent,memory_bytes</c> (<c>cpu_percent</c> empty on a
/// start's first row). JSON lines (<c>resource_metrics.resim.jsonl</c>): <c>{"time","elapsedSeconds","service","start",
/// "container","cpu","memory"}</c>, <c>cpu</c> in percent of one CPU or <c>null</c>, <c>memory</c> in bytes. Thread-safe.
/// </remarks>
internal sealed class MetricsFiles : IDisposable
{
    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "time,elapsed_seconds,service,start,container,cpu_percent,memory_bytes";

    private static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(1);

    private readonly StreamWriter csv;
    private readonly StreamWriter jsonLines;
    private readonly List<MetricsPoint> points = [];
    private readonly Dictionary<string, ResourceAccumulator> services = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Service, int Start), ResourceAccumulator> starts = [];
    private readonly object gate = new();
    private DateTimeOffset lastFlush;

    public MetricsFiles(string csvPath, string jsonLinesPath)
    {
        csv = new StreamWriter(csvPath, append: false);
        csv.WriteLine(CsvHeader);
        csv.Flush();
        jsonLines = new StreamWriter(jsonLinesPath, append: false);
    }

    public ImmutableArray<MetricsPoint> Points
    {
        get
        {
            lock (gate)
            {
                return [.. points];
            }
        }
    }

    public void Add(MetricsPoint point, TimeSpan? cpuUsed, TimeSpan wallElapsed)
    {
        lock (gate)
        {
            points.Add(point);
            Accumulator(services, point.Service).Add(point.MemoryBytes, cpuUsed, wallElapsed);
            Accumulator(starts, (point.Service, point.Start)).Add(point.MemoryBytes, cpuUsed, wallElapsed);
            var cpu = point.CpuPercent?.ToString("0.##", CultureInfo.InvariantCulture);
            csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{point.Time:O},{point.ElapsedSeconds:0.000},{point.Service},{point.Start},{point.Container},{cpu},{point.MemoryBytes}"));
            jsonLines.WriteLine(JsonSerializer.Serialize(new JsonRow(point.Time, Math.Round(point.ElapsedSeconds, 3), point.Service, point.Start, point.Container, point.CpuPercent is { } c ? Math.Round(c, 2) : null, point.MemoryBytes), JsonRowContext.Default.JsonRow));

            // At most one flush a second: a flush per row is synchronous I/O on the sampling loops' pool threads, and on a
            // busy 2-core machine that held up the run's own work. Dispose flushes the rest.
            if (point.Time - lastFlush >= FlushPeriod)
            {
                csv.Flush();
                jsonLines.Flush();
                lastFlush = point.Time;
            }
        }
    }

    public ResourceSummary Summary(string service)
    {
        lock (gate)
        {
            return services.TryGetValue(service, out var a) ? a.ToSummary() : ResourceSummary.Empty;
        }
    }

    /// <summary>The summary of each start of <paramref name="service"/> that has samples, in start order.</summary>
    /// <param name="service">The service.</param>
    /// <param name="startCount">How many times it started.</param>
    /// <returns>One summary per start; a start with no sample has <see cref="ResourceSummary.Empty"/>.</returns>
    public ImmutableArray<ResourceSummary> PerStart(string service, int startCount)
    {
        lock (gate)
        {
            return [.. Enumerable.Range(1, startCount).Select(n => starts.TryGetValue((service, n), out var a) ? a.ToSummary() : ResourceSummary.Empty)];
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            csv.Dispose();
            jsonLines.Dispose();
        }
    }

    private static ResourceAccumulator Accumulator<TKey>(Dictionary<TKey, ResourceAccumulator> all, TKey key)
        where TKey : notnull
    {
        if (!all.TryGetValue(key, out var accumulator))
        {
            accumulator = new ResourceAccumulator();
            all[key] = accumulator;
        }

        return accumulator;
    }
}
