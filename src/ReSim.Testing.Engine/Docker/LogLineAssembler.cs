using System.Buffers;
using System.Text;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Cuts the demultiplexed byte chunks of stdout and stderr into lines.</summary>
/// <remarks>
/// Each stream keeps its own unfinished line, so a line split across chunks (or a UTF-8 character split across chunks)
/// comes out whole; a line break is <c>\n</c>, and a <c>\r</c> before it is dropped. Only the unfinished line is held,
/// so memory grows with the longest line, not with the log.
/// </remarks>
internal sealed class LogLineAssembler
{
    private readonly ArrayBufferWriter<byte> stdout = new();
    private readonly ArrayBufferWriter<byte> stderr = new();

    /// <summary>Adds a chunk of one stream and hands out every line it finishes.</summary>
    /// <param name="stream">The stream the chunk came from.</param>
    /// <param name="chunk">The bytes.</param>
    /// <param name="lines">Receives each finished line, in order.</param>
    public void Add(OutputChannel stream, ReadOnlySpan<byte> chunk, List<(OutputChannel Stream, string Text)> lines)
    {
        var pending = stream == OutputChannel.StdOut ? stdout : stderr;
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOf((byte)'\n');
            if (end < 0)
            {
                pending.Write(chunk);
                return;
            }

            pending.Write(chunk[..end]);
            lines.Add((stream, Take(pending)));
            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>Hands out the unfinished lines (output that did not end with a line break): stdout's, then stderr's.</summary>
    /// <param name="lines">Receives them.</param>
    public void Flush(List<(OutputChannel Stream, string Text)> lines)
    {
        if (stdout.WrittenCount > 0)
        {
            lines.Add((OutputChannel.StdOut, Take(stdout)));
        }

        if (stderr.WrittenCount > 0)
        {
            lines.Add((OutputChannel.StdErr, Take(stderr)));
        }
    }

    private static string Take(ArrayBufferWriter<byte> pending)
    {
        var bytes = pending.WrittenSpan;
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        var text = Encoding.UTF8.GetString(bytes);
        pending.ResetWrittenCount();
        return text;
    }
}
