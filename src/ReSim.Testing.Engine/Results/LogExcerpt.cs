using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ReSim.Testing.Engine.Results;

/// <summary>The last lines of a service's stderr and of its stdout, and where its whole log is (R20).</summary>
/// <param name="StdOut">The last lines written to stdout, oldest first, at most <see cref="MaxLines"/>.</param>
/// <param name="StdErr">The last lines written to stderr, oldest first, at most <see cref="MaxLines"/>.</param>
/// <param name="LogFile">The service's log file, with every line.</param>
/// <remarks>
/// Kept per stream, so a crash's reason on stderr is never pushed out by a flood of stdout. Each line is cut at
/// <see cref="MaxLineLength"/> characters, so the excerpt stays small whatever the container printed.
/// </remarks>
public sealed record LogExcerpt(ImmutableArray<string> StdOut, ImmutableArray<string> StdErr, string? LogFile)
{
    /// <summary>How many lines of each stream are kept.</summary>
    public const int MaxLines = 20;

    /// <summary>How many characters of one line are kept; a longer line ends with how much was cut.</summary>
    public const int MaxLineLength = 500;

    /// <summary>An excerpt with no line and no file.</summary>
    public static LogExcerpt Empty { get; } = new([], [], null);

    /// <summary>Whether there is no line to show.</summary>
    public bool IsEmpty => StdOut.IsDefaultOrEmpty && StdErr.IsDefaultOrEmpty;

    /// <summary>Cuts <paramref name="line"/> to <see cref="MaxLineLength"/> characters, saying how many were cut.</summary>
    /// <param name="line">A line.</param>
    /// <returns>The line, or its start and <c>... (N more characters)</c>.</returns>
    public static string Shorten(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= MaxLineLength
            ? line
            : string.Create(CultureInfo.InvariantCulture, $"{line.AsSpan(0, MaxLineLength)}... ({line.Length - MaxLineLength} more characters)");
    }

    /// <summary>The excerpt as a failure message shows it: stderr's lines, then stdout's, each labelled, then the file.</summary>
    /// <param name="service">The service the lines are of.</param>
    /// <returns>The text, with a line break before each part.</returns>
    public string Format(string? service)
    {
        var text = new StringBuilder();
        Part(text, service, "stderr", StdErr);
        Part(text, service, "stdout", StdOut);
        if (LogFile is not null)
        {
            text.Append(System.Environment.NewLine).Append("Whole log: ").Append(LogFile);
        }

        return text.ToString();
    }

    private static void Part(StringBuilder text, string? service, string stream, ImmutableArray<string> lines)
    {
        if (lines.IsDefaultOrEmpty)
        {
            return;
        }

        text.Append(System.Environment.NewLine)
            .Append(CultureInfo.InvariantCulture, $"Last {lines.Length} line{(lines.Length == 1 ? string.Empty : "s")} of {service}'s {stream}:");
        foreach (var line in lines)
        {
            text.Append(System.Environment.NewLine).Append("  ").Append(line);
        }
    }
}
