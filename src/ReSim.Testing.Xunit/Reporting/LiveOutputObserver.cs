using System.Globalization;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Reporting;

/// <summary>Forwards live container lines and state changes to the test's output, each line prefixed by its service.</summary>
/// <param name="report">The test's report.</param>
internal sealed class LiveOutputObserver(IExperienceTestReport report) : IExperienceObserver
{
    private readonly object gate = new();
    private bool closed;

    /// <inheritdoc />
    public void OnLogLine(string service, OutputChannel stream, string text) =>
        Write(stream == OutputChannel.StdErr ? $"[{service}!] {text}" : $"[{service}] {text}");

    /// <inheritdoc />
    public void OnStateChange(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var detail = entry.Detail is null ? string.Empty : $" ({entry.Detail})";
        Write(string.Create(CultureInfo.InvariantCulture, $"-- {entry.Elapsed.TotalSeconds:0.0} s: {entry.Service ?? "experience"} {entry.Kind}{detail}"));
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
        lock (gate)
        {
            if (!closed)
            {
                report.WriteLine(line);
            }
        }
    }
}
