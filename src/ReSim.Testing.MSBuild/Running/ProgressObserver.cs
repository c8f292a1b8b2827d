using System.Threading.Channels;
using Microsoft.Build.Framework;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Turns one experience's state changes and log lines into <see cref="ProgressLine"/>s for the build log.</summary>
/// <remarks>
/// MSBuild's logging belongs to the task's thread (and ends with the task), so the engine's threads only queue lines
/// here and the task logs them.
/// </remarks>
/// <param name="experienceName">The experience's name, the prefix of every line.</param>
/// <param name="lines">Where lines are queued; unbounded, so the engine never waits on the log.</param>
/// <param name="maxLogLines">How many container lines to forward (each cut at <see cref="LogExcerpt.MaxLineLength"/>
/// characters), so the build's memory does not grow with a log; the rest are only in the log files, which a line says.</param>
internal sealed class ProgressObserver(string experienceName, ChannelWriter<ProgressLine> lines, int maxLogLines = ProgressObserver.DefaultMaxLogLines) : IExperienceObserver
{
    /// <summary>The default number of container lines forwarded to the build log for one experience.</summary>
    public const int DefaultMaxLogLines = 10_000;

    private int logLines;

    /// <inheritdoc />
    public void OnLogLine(string service, OutputChannel stream, string text)
    {
        var count = Interlocked.Increment(ref logLines);
        if (count <= maxLogLines)
        {
            lines.TryWrite(new ProgressLine($"[{experienceName}] {service}: {LogExcerpt.Shorten(text)}", MessageImportance.Low));
        }
        else if (count == maxLogLines + 1)
        {
            lines.TryWrite(new ProgressLine($"[{experienceName}] more than {maxLogLines} container lines: the rest are only in the experience-<SERVICE>-container.log files", MessageImportance.Normal));
        }
    }

    /// <inheritdoc />
    public void OnStateChange(TimelineEntry entry) =>
        lines.TryWrite(new ProgressLine(Format(experienceName, entry), MessageImportance.High));

    /// <summary>The concise line for one state change, the engine's own format after the name: <c>[name] +1.2 s robot exited (exit code 1)</c>.</summary>
    /// <param name="experienceName">The experience.</param>
    /// <param name="entry">The state change.</param>
    /// <returns>The line.</returns>
    public static string Format(string experienceName, TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"[{experienceName}] {entry with { Detail = string.IsNullOrEmpty(entry.Detail) ? null : Shorten(entry.Detail) }}";
    }

    // A 64-digit container ID makes the line long without helping anyone; Docker's own short form is 12 digits.
    private static string Shorten(string detail) =>
        detail.Length == 64 && detail.All(char.IsAsciiHexDigitLower) ? detail[..12] : detail;
}
