namespace ReSim.Testing.Engine.Results;

/// <summary>A summary of one service's CPU and memory samples (R22).</summary>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="PeakMemoryBytes">The highest memory use seen.</param>
/// <param name="MeanCpuPercent">The mean CPU use, in percent of one CPU.</param>
/// <param name="PeakCpuPercent">The highest CPU use seen, in percent of one CPU.</param>
public sealed record ResourceSummary(int Samples, long PeakMemoryBytes, double MeanCpuPercent, double PeakCpuPercent)
{
    /// <summary>A summary with no samples.</summary>
    public static ResourceSummary Empty { get; } = new(0, 0, 0, 0);
}
