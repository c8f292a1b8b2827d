namespace ReSim.Testing.Bench;

/// <summary>Order statistics of wall times.</summary>
internal static class Statistics
{
    public static TimeSpan Median(IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.OrderBy(s => s).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
