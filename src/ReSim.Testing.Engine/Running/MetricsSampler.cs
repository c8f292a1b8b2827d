using System.Collections.Concurrent;
using System.Globalization;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>Samples every container's CPU and memory at a fixed interval into a CSV file and per-service summaries (R22).</summary>
/// <remarks>Columns: <c>time,elapsed_seconds,service,cpu_percent,memory_bytes</c>; a container that is not running gives no row.</remarks>
internal sealed class MetricsSampler : IDisposable
{
    private static readonly TimeSpan FirstSampleDelay = TimeSpan.FromMilliseconds(200);

    private readonly IContainerRuntime runtime;
    private readonly TimeProvider time;
    private readonly StreamWriter writer;
    private readonly ConcurrentDictionary<string, ResourceSummary> summaries = new(StringComparer.Ordinal);

    public MetricsSampler(IContainerRuntime runtime, string path, TimeProvider time)
    {
        this.runtime = runtime;
        this.time = time;
        writer = new StreamWriter(path, append: false);
        writer.WriteLine("time,elapsed_seconds,service,cpu_percent,memory_bytes");
    }

    public ResourceSummary Summary(string service) => summaries.GetValueOrDefault(service, ResourceSummary.Empty);

    public async Task RunAsync(IReadOnlyList<KeyValuePair<string, string>> containers, TimeSpan interval, DateTimeOffset origin, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            // A first sample soon after the start, so a service that lives less than one interval still has one.
            await Task.Delay(interval < FirstSampleDelay ? interval : FirstSampleDelay, time, cancellationToken).ConfigureAwait(false);
            await SampleAllAsync(containers, origin, cancellationToken).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SampleAllAsync(containers, origin, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended: sampling stops with it.
        }
    }

    public void Dispose() => writer.Dispose();

    private async Task SampleAllAsync(IReadOnlyList<KeyValuePair<string, string>> containers, DateTimeOffset origin, CancellationToken cancellationToken)
    {
        var samples = await Task.WhenAll(containers.Select(c => SampleAsync(c.Key, c.Value, cancellationToken))).ConfigureAwait(false);
        foreach (var (service, sample) in samples.Where(s => s.Sample is not null).OrderBy(s => s.Sample!.Time))
        {
            Add(service, sample!, origin);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Service, ResourceSample? Sample)> SampleAsync(string service, string containerId, CancellationToken cancellationToken)
    {
        try
        {
            return (service, await runtime.SampleAsync(containerId, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Metrics are best effort: a container removed or restarting between ticks leaves a gap, not a failed run.
            return (service, null);
        }
    }

    private void Add(string service, ResourceSample sample, DateTimeOffset origin)
    {
        var elapsed = Math.Max(0, (sample.Time - origin).TotalSeconds);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Time:O},{elapsed:0.000},{service},{sample.CpuPercent:0.##},{sample.MemoryBytes}"));
        summaries.AddOrUpdate(
            service,
            _ => new ResourceSummary(1, sample.MemoryBytes, sample.CpuPercent, sample.CpuPercent),
            (_, s) => new ResourceSummary(
                s.Samples + 1,
                Math.Max(s.PeakMemoryBytes, sample.MemoryBytes),
                ((s.MeanCpuPercent * s.Samples) + sample.CpuPercent) / (s.Samples + 1),
                Math.Max(s.PeakCpuPercent, sample.CpuPercent)));
    }
}
