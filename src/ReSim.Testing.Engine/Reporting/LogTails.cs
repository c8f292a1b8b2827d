using System.Collections.Immutable;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Keeps, for the report, a bounded tail of each start's container lines with their stream, and the line counts.</summary>
/// <remarks>The log file has every line; this keeps what the report embeds, so its memory does not grow with a log. Thread-safe.</remarks>
internal sealed class LogTails
{
    /// <summary>How many of a start's last lines the report embeds.</summary>
    public const int LinesPerStart = 1000;

    private readonly Dictionary<string, List<Start>> services = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>A new start of <paramref name="service"/> begins; its log header is written at the same moment.</summary>
    /// <param name="service">The service.</param>
    /// <param name="restartReason">Why it is started again, or <see langword="null"/>.</param>
    public void BeginStart(string service, string? restartReason)
    {
        lock (gate)
        {
            if (!services.TryGetValue(service, out var starts))
            {
                starts = [];
                services[service] = starts;
            }

            starts.Add(new Start(starts.Count + 1, restartReason));
        }
    }

    public void Add(string service, OutputChannel stream, string text)
    {
        lock (gate)
        {
            if (services.TryGetValue(service, out var starts) && starts.Count > 0)
            {
                starts[^1].Add(new LogLineRecord(stream, text));
            }
        }
    }

    public ImmutableArray<LogStartRecord> Of(string service)
    {
        lock (gate)
        {
            return services.TryGetValue(service, out var starts) ? [.. starts.Select(s => s.ToRecord())] : [];
        }
    }

    private sealed class Start(int number, string? restartReason)
    {
        private readonly Queue<LogLineRecord> tail = new();
        private long lines;
        private long stderr;

        public void Add(LogLineRecord line)
        {
            lines++;
            stderr += line.Stream == OutputChannel.StdErr ? 1 : 0;
            tail.Enqueue(line);
            if (tail.Count > LinesPerStart)
            {
                tail.Dequeue();
            }
        }

        public LogStartRecord ToRecord() => new(number, restartReason, lines, stderr, [.. tail]);
    }
}
