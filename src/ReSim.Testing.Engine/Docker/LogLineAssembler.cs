using System.Buffers;
using System.Text;
using System.Text.Unicode;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Cuts the content of the engine's log messages into lines, per stream.</summary>
/// <remarks>
/// Each stream keeps its own unfinished line, so a line the engine split into several messages (it cuts lines longer
/// than 16 KiB), or a UTF-8 character split across reads, comes out whole, stamped with the time of its first part. A line
/// break is <c>\n</c>; <see cref="LogLine.Text"/> drops a <c>\r</c> before it, <see cref="LogLine.Bytes"/> keeps the exact
/// bytes whenever they differ from the text's UTF-8. Only the unfinished line is held, so memory grows with the longest
/// line, not with the log.
/// </remarks>
internal sealed class LogLineAssembler
{
    private readonly Pending stdout = new(OutputChannel.StdOut);
    private readonly Pending stderr = new(OutputChannel.StdErr);

    /// <summary>Adds content of one stream and hands out every line it finishes.</summary>
    /// <param name="stream">The stream the content came from.</param>
    /// <param name="time">When the engine recorded the message the content belongs to.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="lines">Receives each finished line, in order.</param>
    public void Add(OutputChannel stream, DateTimeOffset time, ReadOnlySpan<byte> content, List<LogLine> lines)
    {
        var pending = stream == OutputChannel.StdOut ? stdout : stderr;
        while (!content.IsEmpty)
        {
            pending.Stamp(time);
            var end = content.IndexOf((byte)'\n');
            if (end < 0)
            {
                pending.Bytes.Write(content);
                return;
            }

            pending.Bytes.Write(content[..end]);
            lines.Add(pending.Take());
            content = content[(end + 1)..];
        }
    }

    /// <summary>Hands out the unfinished lines (output that did not end with a line break): stdout's, then stderr's.</summary>
    /// <param name="lines">Receives them.</param>
    public void Flush(List<LogLine> lines)
    {
        foreach (var pending in new[] { stdout, stderr }.Where(p => p.Started))
        {
            lines.Add(pending.Take());
        }
    }

    private sealed class Pending(OutputChannel stream)
    {
        private DateTimeOffset? first;

        public ArrayBufferWriter<byte> Bytes { get; } = new();

        public bool Started => first is not null;

        public void Stamp(DateTimeOffset time) => first ??= time;

        public LogLine Take()
        {
            var raw = Bytes.WrittenSpan;
            var text = raw.Length > 0 && raw[^1] == (byte)'\r' ? raw[..^1] : raw;
            var exact = text.Length == raw.Length && Utf8.IsValid(raw);
            var line = new LogLine(stream, Encoding.UTF8.GetString(text), first ?? DateTimeOffset.UnixEpoch)
            {
                Bytes = exact ? ReadOnlyMemory<byte>.Empty : raw.ToArray(),
            };
            Bytes.ResetWrittenCount();
            first = null;
            return line;
        }
    }
}
