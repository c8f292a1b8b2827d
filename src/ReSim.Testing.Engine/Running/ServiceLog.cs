using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>One service's log file (R21): every byte of every start, each start under a numbered header, and the last lines of each stream kept for R20.</summary>
/// <remarks>
/// Thread-safe; lines of one start come from one stream, and a start's header is written before its container starts.
/// Each line is written as the container wrote it (its exact bytes when the runtime has them) followed by <c>\n</c>.
/// Memory is bounded whatever the log's size: a 64 KiB write buffer and <see cref="LogExcerpt.MaxLines"/> lines of each
/// stream, each cut at <see cref="LogExcerpt.MaxLineLength"/> characters.
/// </remarks>
internal sealed class ServiceLog : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream file;
    private readonly Queue<string> stdout = new();
    private readonly Queue<string> stderr = new();
    private readonly List<string> gaps = [];
    private string? keptEnd;
    private readonly object gate = new();
    private long lines;

    public ServiceLog(string path)
    {
        Path = path;
        file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
    }

    public string Path { get; }

    public int Starts { get; private set; }

    /// <summary>How many lines of the containers have been written so far.</summary>
    public long Lines
    {
        get
        {
            lock (gate)
            {
                return lines;
            }
        }
    }

    /// <summary>Writes the header of the next start: <c>=== start 2 (restart: ...) ===</c>.</summary>
    /// <param name="restartReason">Why the container is started again, or <see langword="null"/> for the first start.</param>
    public void BeginStart(string? restartReason)
    {
        lock (gate)
        {
            Starts++;
            WriteText(restartReason is null ? $"=== start {Starts} ===" : $"=== start {Starts} (restart: {restartReason}) ===");
            file.Flush();
        }
    }

    public void Append(LogLine line)
    {
        lock (gate)
        {
            if (line.Bytes.IsEmpty)
            {
                WriteText(line.Text);
            }
            else
            {
                file.Write(line.Bytes.Span);
                file.WriteByte((byte)'\n');
            }

            lines++;
            var tail = line.Stream == OutputChannel.StdErr ? stderr : stdout;
            tail.Enqueue(LogExcerpt.Shorten(line.Text));
            if (tail.Count > LogExcerpt.MaxLines)
            {
                tail.Dequeue();
            }
        }
    }

    /// <summary>Writes a line of the engine's own, such as the end of a start, marked as not the container's.</summary>
    /// <param name="text">What happened.</param>
    public void Note(string text)
    {
        lock (gate)
        {
            WriteText($"=== {text} ===");
        }
    }

    /// <summary>Marks, at this place in the file, output of the current start that could not be read, and keeps it for the result.</summary>
    /// <param name="text">What was lost and why.</param>
    public void Gap(string text)
    {
        lock (gate)
        {
            gaps.Add(Mark(text));
        }
    }

    /// <summary>Marks, at this place in the file, where the log of a container kept running after the verdict stops: not a loss, since the container and its log are still there.</summary>
    /// <param name="text">Where it stops and where the rest is.</param>
    public void EndKept(string text)
    {
        lock (gate)
        {
            keptEnd = Mark(text);
        }
    }

    /// <summary>Where the file stops because its container was kept running, or <see langword="null"/>.</summary>
    public string? KeptEnd
    {
        get
        {
            lock (gate)
            {
                return keptEnd;
            }
        }
    }

    /// <summary>The gaps marked so far.</summary>
    /// <returns>One sentence each, naming the start.</returns>
    public ImmutableArray<string> Gaps()
    {
        lock (gate)
        {
            return [.. gaps];
        }
    }

    /// <summary>The last lines of each stream, for a failure message (R20).</summary>
    /// <returns>The excerpt.</returns>
    public LogExcerpt Excerpt()
    {
        lock (gate)
        {
            return new LogExcerpt([.. stdout], [.. stderr], Path);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            file.Dispose();
        }
    }

    // Writes a marker line for the current start at this place in the file, now; the caller holds the gate.
    private string Mark(string text)
    {
        var mark = $"start {Starts}: {text}";
        WriteText($"=== GAP: {mark} ===");
        file.Flush();
        return mark;
    }

    private void WriteText(string text)
    {
        var length = Utf8.GetMaxByteCount(text.Length) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Utf8.GetBytes(text, buffer);
            buffer[written] = (byte)'\n';
            file.Write(buffer, 0, written + 1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
