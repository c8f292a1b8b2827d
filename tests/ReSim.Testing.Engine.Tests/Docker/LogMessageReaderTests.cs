using System.Buffers.Binary;
using System.Text;
using Docker.DotNet;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>
/// R21: the engine's timestamped messages read from a real <see cref="MultiplexedStream"/> over frames built as the engine
/// sends them, with reads cut at every possible place, and resumed after a break without losing or repeating a byte.
/// </summary>
public sealed class LogMessageReaderTests
{
    private const string Stamp1 = "2026-12-01T09:11:47.123456789Z";
    private const string Stamp2 = "2026-12-01T09:11:47.223456789Z";

    [Fact]
    public void Timestamps_are_taken_off_each_message_and_a_split_line_is_joined_without_them()
    {
        // The engine splits a long line into messages without a line break, each with its own timestamp.
        var frames = Frames((1, $"{Stamp1} part one, "), (1, $"{Stamp2} part two\n"), (2, $"{Stamp2} {Stamp1} is text here\n"));

        var lines = ReadAll(frames, readSize: 64 * 1024);

        Assert.Equal(["part one, part two", $"{Stamp1} is text here"], lines.Select(l => l.Text));
        Assert.Equal([OutputChannel.StdOut, OutputChannel.StdErr], lines.Select(l => l.Stream));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 11, 47, TimeSpan.Zero).AddTicks(1_234_567), lines[0].Time);
    }

    [Fact]
    public void Reads_cut_anywhere_inside_frames_give_the_same_lines()
    {
        var frames = Frames((1, $"{Stamp1} alpha "), (1, $"{Stamp2} beta\n"), (2, $"{Stamp2} gamma\n"), (1, $"{Stamp1} {new string('x', 300)}\n"));
        var expected = ReadAll(frames, readSize: 64 * 1024).Select(l => (l.Stream, l.Text, l.Time)).ToList();

        foreach (var size in new[] { 1, 2, 3, 7, 29, 30, 31, 32, 64 })
        {
            Assert.Equal(expected, ReadAll(frames, size).Select(l => (l.Stream, l.Text, l.Time)));
        }
    }

    [Fact]
    public void A_read_resumed_after_a_break_at_any_byte_skips_exactly_what_was_handed_on()
    {
        var frames = Frames((1, $"{Stamp1} one\n"), (1, $"{Stamp1} two-"), (1, $"{Stamp2} three\n"), (2, $"{Stamp2} four\n"));
        var whole = ReadAll(frames, 64 * 1024).Select(l => l.Text).ToList();

        for (var breakAt = 1; breakAt < frames.Length; breakAt++)
        {
            var reader = new LogMessageReader();
            var lines = new List<LogLine>();
            Feed(reader, frames[..breakAt], readSize: 5, lines, breakEarly: true);
            var since = reader.Resume(null);
            Assert.True(since is null || since < Nanoseconds(Stamp1), "every frame here is within the second asked again, so the engine resends them all");
            Feed(reader, frames, readSize: 5, lines, breakEarly: false);
            reader.Flush(lines);

            Assert.Equal(whole, lines.Select(l => l.Text));
            Assert.Equal(Encoding.UTF8.GetByteCount("one\ntwo-three\nfour\n"), reader.Bytes);
        }
    }

    [Fact]
    public void A_resumed_read_asks_from_a_second_before_the_newest_message_and_skips_the_messages_handed_on_since()
    {
        const string Early = "2026-12-01T09:11:40.000000000Z";
        const string Late = "2026-12-01T09:11:45.000000000Z";
        const string Later = "2026-12-01T09:11:45.100000000Z";
        var handedOn = Frames((1, $"{Early} a\n"), (2, $"{Late} b\n"), (1, $"{Late} c1-"));
        var reader = new LogMessageReader();
        var lines = new List<LogLine>();
        Feed(reader, handedOn, readSize: 64 * 1024, lines, breakEarly: false);

        var since = reader.Resume(Nanoseconds(Early) - 5);

        // The engine answers with every message stamped at or after `since`, in its order, then the ones not yet sent.
        Assert.Equal(Nanoseconds(Late) - 1_000_000_000, since);
        Feed(reader, Frames((2, $"{Late} b\n"), (1, $"{Late} c1-"), (1, $"{Later} c2\n")), readSize: 64 * 1024, lines, breakEarly: false);
        reader.Flush(lines);
        Assert.Equal(["a", "b", "c1-c2"], lines.Select(l => l.Text));
        Assert.Equal(reader.Resume(Nanoseconds(Later)), Nanoseconds(Later));
    }

    [Fact]
    public void A_tail_check_of_a_short_log_hands_on_exactly_the_messages_the_followed_stream_missed()
    {
        var reader = new LogMessageReader();
        var lines = new List<LogLine>();
        Feed(reader, Frames((1, $"{Stamp1} one\n"), (1, $"{Stamp1} two-")), 64 * 1024, lines, breakEarly: false);

        reader.BeginTailCheck();
        Feed(reader, Frames((1, $"{Stamp1} one\n"), (1, $"{Stamp1} two-"), (1, $"{Stamp2} END")), 64 * 1024, lines, breakEarly: false);

        Assert.True(reader.FinishTailCheck(lines));
        reader.Flush(lines);
        Assert.Equal(["one", "two-END"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_tail_check_of_a_long_log_finds_where_the_last_messages_overlap_what_was_read()
    {
        var stamps = Enumerable.Range(0, 200).Select(i => $"2026-12-01T09:11:{10 + (i / 10):D2}.{i % 10:D1}00000000Z").ToArray();
        var all = Enumerable.Range(0, 200).Select(i => ((byte)1, $"{stamps[i]} line {i}\n")).ToArray();
        var reader = new LogMessageReader();
        var lines = new List<LogLine>();
        Feed(reader, Frames(all[..198]), 64 * 1024, lines, breakEarly: false);

        reader.BeginTailCheck();
        Feed(reader, Frames(all[(200 - LogMessageReader.TailCheckLength)..]), 64 * 1024, lines, breakEarly: false);

        Assert.True(reader.FinishTailCheck(lines));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"line {i}"), lines.Select(l => l.Text));
        Assert.Equal(200, reader.Messages);
    }

    [Fact]
    public void A_tail_check_that_cannot_tell_the_new_messages_from_repeated_identical_ones_gives_up_and_hands_on_nothing()
    {
        // One long line split by the engine: every part has the same time and the same bytes.
        var part = (byte)1;
        var parts = Enumerable.Repeat((part, $"{Stamp1} {new string('x', 100)}"), 100).ToArray();
        var reader = new LogMessageReader();
        var lines = new List<LogLine>();
        Feed(reader, Frames(parts[..90]), 64 * 1024, lines, breakEarly: false);

        reader.BeginTailCheck();
        Feed(reader, Frames(parts[(100 - LogMessageReader.TailCheckLength)..]), 64 * 1024, lines, breakEarly: false);

        Assert.False(reader.FinishTailCheck(lines));
        Assert.Equal(90, reader.Messages);
        Assert.Empty(lines);
    }

    private static long Nanoseconds(string stamp) => LogTimestamp.Parse(Encoding.ASCII.GetBytes(stamp))!.Value.ToUnixTimeMilliseconds() * 1_000_000;

    private static byte[] Frames(params (byte Stream, string Payload)[] frames)
    {
        var bytes = new MemoryStream();
        foreach (var (stream, payload) in frames)
        {
            var body = Encoding.UTF8.GetBytes(payload);
            var header = new byte[8];
            header[0] = stream;
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), body.Length);
            bytes.Write(header);
            bytes.Write(body);
        }

        return bytes.ToArray();
    }

    private static List<LogLine> ReadAll(byte[] frames, int readSize)
    {
        var reader = new LogMessageReader();
        var lines = new List<LogLine>();
        Feed(reader, frames, readSize, lines, breakEarly: false);
        reader.Flush(lines);
        return lines;
    }

    // A stream cut inside a frame ends with an EndOfStreamException, as a broken connection does.
    private static void Feed(LogMessageReader reader, byte[] frames, int readSize, List<LogLine> lines, bool breakEarly)
    {
        using var stream = new MultiplexedStream(new MemoryStream(frames), multiplexed: true);
        var buffer = new byte[readSize];
        try
        {
            while (stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None).GetAwaiter().GetResult() is { EOF: false } read)
            {
                var channel = read.Target == MultiplexedStream.TargetStream.StandardError ? OutputChannel.StdErr : OutputChannel.StdOut;
                reader.Add(channel, buffer.AsSpan(0, read.Count), LogMessageReader.AtFrameEnd(stream), lines);
            }
        }
        catch (EndOfStreamException) when (breakEarly)
        {
            // The break under test.
        }
    }
}
