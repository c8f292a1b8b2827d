using System.Globalization;
using System.Text;

namespace ReSim.Testing.Engine.Results;

/// <summary>Formats an <see cref="ExperienceResult"/> as a short plain-text table, one row per service.</summary>
internal static class SummaryTable
{
    private static readonly string[] Headers = ["service", "role", "exit codes", "restarts", "health", "peak memory", "mean cpu"];

    public static string Format(ExperienceResult result)
    {
        var rows = result.Services.Select(Row).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{result.Verdict} in {result.Duration.TotalSeconds:0.000} s (run {result.RunId})");
        if (result.Reason is { } reason)
        {
            text.Append(": ").Append(reason.Message);
        }

        foreach (var row in rows)
        {
            text.Append(Environment.NewLine).Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        // A "-" for memory must not pass for "nothing measured, nothing wrong": say which containers ran unread.
        var unread = result.Services.Where(s => s.Resources.Samples == 0 && (!s.ExitCodes.IsDefaultOrEmpty || s.StoppedAtTeardown)).Select(s => s.Name).ToList();
        if (unread.Count > 0)
        {
            text.Append(Environment.NewLine).Append(CultureInfo.InvariantCulture, $"No CPU or memory sample of {string.Join(", ", unread)}: the container ran too briefly to be read (a few tens of milliseconds on a busy machine), or sampling is off (R22).");
        }

        return text.ToString();
    }

    private static string[] Row(ServiceResult service) =>
    [
        service.Name,
        service.IsOrchestrator ? "orchestrator" : "service",
        service.ExitCodes.IsDefaultOrEmpty ? (service.StoppedAtTeardown ? "stopped" : "-") : string.Join(",", service.ExitCodes) + (service.StoppedAtTeardown ? ",stopped" : string.Empty),
        service.Restarts.Length.ToString(CultureInfo.InvariantCulture),
        service.LastHealth ?? "-",
        service.Resources.Samples == 0 ? "-" : Megabytes(service.Resources.PeakMemoryBytes),
        service.Resources.MeanCpuPercent is { } cpu ? cpu.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
    ];

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
