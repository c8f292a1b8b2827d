using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Running;

/// <summary>Folds samples into a <see cref="ResourceSummary"/>: mean CPU as CPU time over wall time, never from an invented reading.</summary>
/// <remarks>Not thread-safe; the caller holds a lock.</remarks>
internal sealed class ResourceAccumulator
{
    private int samples;
    private long peakMemory;
    private double memorySum;
    private TimeSpan cpuTime;
    private TimeSpan wallTime;
    private double? peakCpu;

    /// <summary>Adds a sample.</summary>
    /// <param name="memoryBytes">Its memory.</param>
    /// <param name="cpuUsed">The CPU time used since the previous sample of the same start, or <see langword="null"/> for a start's first.</param>
    /// <param name="wallElapsed">The time since that sample.</param>
    public void Add(long memoryBytes, TimeSpan? cpuUsed, TimeSpan wallElapsed)
    {
        samples++;
        peakMemory = Math.Max(peakMemory, memoryBytes);
        memorySum += memoryBytes;
        if (cpuUsed is { } used && wallElapsed > TimeSpan.Zero)
        {
            cpuTime += used;
            wallTime += wallElapsed;
            peakCpu = Math.Max(peakCpu ?? 0, Percent(used, wallElapsed));
        }
    }

    public ResourceSummary ToSummary() => samples == 0
        ? ResourceSummary.Empty
        : new ResourceSummary(samples, peakMemory, wallTime > TimeSpan.Zero ? Percent(cpuTime, wallTime) : null, peakCpu, (long)Math.Round(memorySum / samples));

    public static double Percent(TimeSpan cpu, TimeSpan wall) => cpu / wall * 100.0;
}
