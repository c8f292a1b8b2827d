using System.Globalization;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Reporting;

/// <summary>Forwards live container lines and state changes to the test's output, each container line prefixed by its service;
/// state changes also to <paramref name="progress"/>, the terminal's live lines.</summary>
/// <param name="report">The test's report.</param>
/// <param name="maxLogLines">How many container lines to forward; the rest are only in the attached logs, which a note says.</param>
/// <param name="progress">Receives each state change as one line, as it happens; <see langword="null"/> for none.</param>
internal sealed class LiveOutputObserver(IExperienceTestReport report, int maxLogLines = LiveOutputObserver.DefaultMaxLogLines, Action<string>? progress = null) : IExperienceObserver
{
    /// <summary>The default number of container lines forwarded to one test's output.</summary>
    public const int DefaultMaxLogLines = 10_000;

    private readonly object gate = new();
    private bool closed;
    private int logLines;

    /// <inheritdoc />
    public void OnLogLine(string service, OutputChannel stream, string text)
    {
        lock (gate)
        {
            logLines++;
            if (logLines == maxLogLines + 1)
            {
                Write(string.Create(CultureInfo.InvariantCulture, $"-- more than {maxLogLines} container lines: the rest are only in the attached experience-<SERVICE>-container.log files"));
            }

            if (logLines <= maxLogLines)
            {
                var shown = LogExcerpt.Shorten(text);
                Write(stream == OutputChannel.StdErr ? $"[{service}!] {shown}" : $"[{service}] {shown}");
            }
        }
    }

    /// <inheritdoc />
    public void OnStateChange(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            Write($"-- {entry}");
            if (!closed)
            {
                progress?.Invoke(entry.ToString());
            }
        }
    }

    /// <summary>Stops forwarding: the test's output must not be written after the test ends.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
        }
    }

    private void Write(string line)
    {
        if (!closed)
        {
            report.WriteLine(line);
        }
    }
}
