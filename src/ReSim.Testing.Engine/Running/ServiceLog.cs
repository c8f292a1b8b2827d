using System.Collections.Immutable;
using System.Text;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>One service's log file (R21): every line of every start, each start under a numbered header, and the last lines kept for R20.</summary>
/// <remarks>Thread-safe; lines of one start come from one stream, and a start's header is written before its container starts.</remarks>
internal sealed class ServiceLog : IDisposable
{
    public const int TailLength = 20;

    private readonly StreamWriter writer;
    private readonly Queue<string> tail = new();
    private readonly object gate = new();
    private long lines;

    public ServiceLog(string path)
    {
        Path = path;
        writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
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
            writer.WriteLine(restartReason is null ? $"=== start {Starts} ===" : $"=== start {Starts} (restart: {restartReason}) ===");
            writer.Flush();
        }
    }

    public void Append(LogLine line)
    {
        lock (gate)
        {
            writer.WriteLine(line.Text);
            lines++;
            tail.Enqueue(line.Text);
            if (tail.Count > TailLength)
            {
                tail.Dequeue();
            }
        }
    }

    /// <summary>Writes a line of the engine's own, such as a log stream that broke, marked as not the container's.</summary>
    /// <param name="text">What happened.</param>
    public void Note(string text)
    {
        lock (gate)
        {
            writer.WriteLine($"=== {text} ===");
        }
    }

    public ImmutableArray<string> Tail()
    {
        lock (gate)
        {
            return [.. tail];
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }
}
