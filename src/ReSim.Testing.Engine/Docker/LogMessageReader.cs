using System.Runtime.CompilerServices;
using Docker.DotNet;
using ReSim.Testing.Engine.Model;
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
    private readonly Queue<Fingerprint> last = new();
    private readonly List<Collected> collected = [];
    private ulong hash = Fingerprint.Seed;
    private long hashedLength;
    private bool collecting;
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

    /// <summary>How many of the last messages a tail check asks for.</summary>
    public static int TailCheckLength => 64;

    /// <summary>Starts a check of the log's end: the messages of the next read are held, not handed on.</summary>
    /// <remarks>For a read of the last <see cref="TailCheckLength"/> messages of the start, after a followed stream ended cleanly.</remarks>
    public void BeginTailCheck()
    {
        collecting = true;
        collected.Clear();
        skipMessages = 0;
        skipContent = 0;
        stampLength = 0;
        inContent = false;
    }

    /// <summary>Hands on the messages of the tail check that were not handed on yet.</summary>
    /// <param name="lines">Receives every line they finish.</param>
    /// <returns><see langword="false"/> when the check cannot tell exactly which messages are new (repeated identical messages,
    /// or more new messages than it read); then nothing is handed on and the log must be read again from a point in time.</returns>
    /// <remarks>
    /// Fewer messages than asked for are the start's whole log: the first <see cref="Messages"/> were handed on. Otherwise the
    /// held messages are the log's last ones, and they overlap the last messages handed on (compared by time, stream,
    /// length and content hash) at exactly one place, or the check gives up.
    /// </remarks>
    public bool FinishTailCheck(List<LogLine> lines)
    {
        collecting = false;
        int? from = null;
        if (collected.Count < TailCheckLength)
        {
            from = Messages <= collected.Count ? (int)Messages : null;
        }
        else
        {
            var handedOn = last.ToArray();
            var overlaps = Enumerable.Range(1, Math.Min(collected.Count - 1, handedOn.Length))
                .Where(k => Enumerable.Range(0, k).All(i => collected[i].Print == handedOn[handedOn.Length - k + i]))
                .ToList();
            from = overlaps.Count == 1 ? overlaps[0] : null;
        }

        if (from is not { } first)
        {
            return false;
        }

        foreach (var message in collected.Skip(first))
        {
            time = message.Time;
            AddContent(message.Stream, message.Content, lines);
            EndFrame();
        }

        return true;
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
        if (collecting)
        {
            if (collected.Count == 0 || collected[^1].Complete)
            {
                collected.Add(new Collected(stream, time));
            }

            collected[^1].Add(content);
            return;
        }

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
        hash = Fingerprint.Mix(hash, content);
        hashedLength += content.Length;
        assembler.Add(stream, time, content, lines);
    }

    private void EndFrame()
    {
        stampLength = 0;
        inContent = false;
        if (collecting)
        {
            if (collected.Count == 0 || collected[^1].Complete)
            {
                collected.Add(new Collected(OutputChannel.StdOut, time));
            }

            collected[^1].Complete = true;
            return;
        }

        if (skipMessages > 0)
        {
            skipMessages--;
            return;
        }

        Messages++;
        fedOfCurrent = 0;
        skipContent = 0;
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        Remember(ticks);
        last.Enqueue(new Fingerprint(ticks, hashedLength, hash));
        if (last.Count > TailCheckLength)
        {
            last.Dequeue();
        }

        hash = Fingerprint.Seed;
        hashedLength = 0;
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

    /// <summary>What identifies a message for a tail check: its time, length and an FNV-1a hash of its content.</summary>
    private readonly record struct Fingerprint(long Ticks, long Length, ulong Hash)
    {
        public const ulong Seed = 14695981039346656037;

        public static ulong Mix(ulong hash, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 1099511628211;
            }

            return hash;
        }
    }

    /// <summary>A message held by a tail check.</summary>
    private sealed class Collected(OutputChannel stream, DateTimeOffset time)
    {
        private readonly List<byte> content = [];
        private ulong hash = Fingerprint.Seed;

        public OutputChannel Stream => stream;

        public DateTimeOffset Time => time;

        public bool Complete { get; set; }

        public byte[] Content => [.. content];

        public Fingerprint Print => new(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, content.Count, hash);

        public void Add(ReadOnlySpan<byte> bytes)
        {
            content.AddRange(bytes);
            hash = Fingerprint.Mix(hash, bytes);
        }
    }
}
