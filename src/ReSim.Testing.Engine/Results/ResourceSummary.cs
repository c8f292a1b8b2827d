namespace ReSim.Testing.Engine.Results;

/// <summary>A summary of CPU and memory samples of one service, or of one start of it (R22).</summary>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="PeakMemoryBytes">The highest memory use seen.</param>
/// <param name="MeanCpuPercent">The CPU time used between the first and the last sample of each start over the time
/// between them, in percent of one CPU; <see langword="null"/> when no start had two samples to measure between.</param>
/// <param name="PeakCpuPercent">The highest CPU use between two neighbouring samples, in percent of one CPU; <see langword="null"/> as for <paramref name="MeanCpuPercent"/>.</param>
/// <param name="MeanMemoryBytes">The mean of the memory samples.</param>
public sealed record ResourceSummary(int Samples, long PeakMemoryBytes, double? MeanCpuPercent, double? PeakCpuPercent, long MeanMemoryBytes)
{
    /// <summary>A summary with no samples.</summary>
    public static ResourceSummary Empty { get; } = new(0, 0, null, null, 0);
}
