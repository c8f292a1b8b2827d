using System.Runtime.CompilerServices;
using Docker.DotNet;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>
/// Reads a container log requested with timestamps message by message: each frame of the multiplexed stream is one message
/// of the engine, <c>&lt;RFC 3339 time&gt; &lt;content&gt;</c>; the content goes on to a <see cref="LogLineAssembler"/>.
/// </summary>
/// <remarks>
/// A read of <see cref="MultiplexedStream"/> never spans two frames but may end inside one; whether the frame is complete is
/// read from the stream's own count of bytes left in the frame, so a message the engine split (a long line) is never
/// confused with the next message's timestamp. Counting whole messages makes a read resumable: after a broken stream, or
/// to check that a finished stream missed nothing, the log is asked again from a little before the last message handed on
/// (<see cref="Resume"/>) and exactly what was handed on is skipped, to the byte.
/// </remarks>
internal sealed class LogMessageReader
{
    private const int MaxStampLength = 64;
    private const int MaxRecent = 65_536;

    // The engine orders the messages of its two pipes by when it read them, so their timestamps may step back a little.
    private static readonly long Window = TimeSpan.FromSeconds(1).Ticks;
    private static readonly long Margin = TimeSpan.FromMilliseconds(1).Ticks;

    private readonly LogLineAssembler assembler = new();
    private readonly byte[] stamp = new byte[MaxStampLength];
    private int stampLength;
    private bool inContent;
    private DateTimeOffset time = DateTimeOffset.UnixEpoch;
    private long fedOfCurrent;
    private long skipMessages;
    private long skipContent;
    private readonly Queue<long> recent = new();
    private long newest = long.MinValue;
    private long evictedBefore = long.MinValue;

    /// <summary>How many whole messages were handed on.</summary>
    public long Messages { get; private set; }

    /// <summary>How many content bytes were handed on (line breaks included).</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether <paramref name="stream"/> is at the end of a frame.</summary>
    /// <param name="stream">The stream just read.</param>
    /// <returns><see langword="true"/> when the last read finished its frame.</returns>
    public static bool AtFrameEnd(MultiplexedStream stream) => Remaining(stream) == 0;

    /// <summary>Prepares to read the same log again: says where to ask from, and skips what was handed on from there.</summary>
    /// <param name="startNanoseconds">Where this start's log begins (the first request's <c>since</c>), or <see langword="null"/> for the whole log.</param>
    /// <returns>The <c>since</c> to ask with, in nanoseconds; the engine returns every message at or after it, in its order.</returns>
    /// <remarks>
    /// Asking from a second before the newest message handed on (never before the start) returns the messages handed on
    /// since then, which are counted here and skipped, then the rest; a message of the other stream stamped up to that
    /// second earlier still comes back.
    /// </remarks>
    public long? Resume(long? startNanoseconds)
    {
        long? since = startNanoseconds;
        if (recent.Count > 0)
        {
            var from = Math.Max(newest - Window, evictedBefore == long.MinValue ? long.MinValue : evictedBefore + Margin) * 100;
            since = startNanoseconds is { } start ? Math.Max(from, start) : from;
        }

        var sinceTicks = since is { } value ? value / 100 : long.MinValue;
        skipMessages = recent.Count(t => t >= sinceTicks);
        skipContent = fedOfCurrent;
        stampLength = 0;
        inContent = false;
        return since;
    }

    /// <summary>Adds the bytes of one read.</summary>
    /// <param name="stream">The stream the frame belongs to.</param>
    /// <param name="bytes">The bytes read.</param>
    /// <param name="frameEnds">Whether they finish their frame.</param>
    /// <param name="lines">Receives every line finished.</param>
    public void Add(OutputChannel stream, ReadOnlySpan<byte> bytes, bool frameEnds, List<LogLine> lines)
    {
        if (!inContent)
        {
            bytes = ReadStamp(stream, bytes, frameEnds, lines);
        }

        if (inContent)
        {
            AddContent(stream, bytes, lines);
        }

        if (frameEnds)
        {
            EndFrame();
        }
    }

    /// <summary>Hands out the unfinished lines, at the end of the log.</summary>
    /// <param name="lines">Receives them.</param>
    public void Flush(List<LogLine> lines) => assembler.Flush(lines);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_remaining")]
    private static extern ref int Remaining(MultiplexedStream stream);

    private ReadOnlySpan<byte> ReadStamp(OutputChannel stream, ReadOnlySpan<byte> bytes, bool frameEnds, List<LogLine> lines)
    {
        var space = bytes.IndexOf((byte)' ');
        var take = space < 0 ? bytes.Length : space + 1;
        if (stampLength + take > MaxStampLength || (space < 0 && frameEnds))
        {
            // Not a timestamp after all (an engine that ignores the request): the bytes are content, at the last time seen.
            inContent = true;
            var held = stampLength;
            stampLength = 0;
            AddContent(stream, stamp.AsSpan(0, held), lines);
            return bytes;
        }

        bytes[..take].CopyTo(stamp.AsSpan(stampLength));
        stampLength += take;
        if (space < 0)
        {
            return [];
        }

        time = LogTimestamp.Parse(stamp.AsSpan(0, stampLength - 1)) ?? time;
        stampLength = 0;
        inContent = true;
        return bytes[take..];
    }

    private void AddContent(OutputChannel stream, ReadOnlySpan<byte> content, List<LogLine> lines)
    {
        if (skipMessages > 0)
        {
            return;
        }

        if (skipContent > 0)
        {
            var skipped = (int)Math.Min(skipContent, content.Length);
            skipContent -= skipped;
            content = content[skipped..];
        }

        fedOfCurrent += content.Length;
        Bytes += content.Length;
        assembler.Add(stream, time, content, lines);
    }

    private void EndFrame()
    {
        stampLength = 0;
        inContent = false;
        if (skipMessages > 0)
        {
            skipMessages--;
            return;
        }

        Messages++;
        fedOfCurrent = 0;
        skipContent = 0;
        Remember(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
    }

    private void Remember(long ticks)
    {
        newest = Math.Max(newest, ticks);
        recent.Enqueue(ticks);
        while (recent.Count > MaxRecent || recent.Peek() < newest - Window)
        {
            var dropped = recent.Dequeue();
            if (dropped >= newest - Window)
            {
                evictedBefore = Math.Max(evictedBefore, dropped);
            }
        }
    }
}
