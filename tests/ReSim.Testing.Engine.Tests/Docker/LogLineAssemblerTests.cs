using System.Text;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R21: cutting the engine's messages into lines, whatever the boundaries, keeping every byte and the engine's time.</summary>
public sealed class LogLineAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lines_split_across_chunks_come_out_whole_and_each_stream_keeps_its_own_partial_line()
    {
        var assembler = new LogLineAssembler();
        var lines = new List<LogLine>();

        assembler.Add(OutputChannel.StdOut, T0, "hel"u8, lines);
        assembler.Add(OutputChannel.StdErr, T0.AddTicks(1), "err"u8, lines);
        assembler.Add(OutputChannel.StdOut, T0.AddTicks(2), "lo\nwor"u8, lines);
        assembler.Add(OutputChannel.StdErr, T0.AddTicks(3), "or\n"u8, lines);
        assembler.Add(OutputChannel.StdOut, T0.AddTicks(4), "ld\r\n\nlast"u8, lines);
        assembler.Flush(lines);

        Assert.Equal(
            [(OutputChannel.StdOut, "hello"), (OutputChannel.StdErr, "error"), (OutputChannel.StdOut, "world"), (OutputChannel.StdOut, string.Empty), (OutputChannel.StdOut, "last")],
            lines.Select(l => (l.Stream, l.Text)));
        // A line's time is the engine's time of its first part.
        Assert.Equal([T0, T0.AddTicks(1), T0.AddTicks(2), T0.AddTicks(4), T0.AddTicks(4)], lines.Select(l => l.Time));
    }

    [Fact]
    public void The_exact_bytes_are_kept_when_the_text_differs_from_them()
    {
        var assembler = new LogLineAssembler();
        var lines = new List<LogLine>();

        assembler.Add(OutputChannel.StdOut, T0, "crlf\r\n"u8, lines);
        assembler.Add(OutputChannel.StdOut, T0, [0x66, 0xff, 0x6f, (byte)'\n'], lines);
        assembler.Add(OutputChannel.StdOut, T0, "plain\n"u8, lines);

        Assert.Equal("crlf\r"u8.ToArray(), lines[0].Bytes.ToArray());
        Assert.Equal("crlf", lines[0].Text);
        Assert.Equal(new byte[] { 0x66, 0xff, 0x6f }, lines[1].Bytes.ToArray());
        Assert.True(lines[2].Bytes.IsEmpty, "a valid UTF-8 line is kept once, as text");
    }

    [Fact]
    public void A_multi_byte_character_split_between_chunks_is_decoded_once_whole()
    {
        var bytes = Encoding.UTF8.GetBytes("grüße 🤖\n");
        var assembler = new LogLineAssembler();
        var lines = new List<LogLine>();

        foreach (var b in bytes)
        {
            assembler.Add(OutputChannel.StdOut, T0, [b], lines);
        }

        Assert.Equal(["grüße 🤖"], lines.Select(l => l.Text));
        Assert.True(lines[0].Bytes.IsEmpty);
    }

    [Fact]
    public void Nothing_is_handed_out_twice_and_an_empty_flush_adds_nothing()
    {
        var assembler = new LogLineAssembler();
        var lines = new List<LogLine>();

        assembler.Add(OutputChannel.StdOut, T0, "a\n"u8, lines);
        assembler.Flush(lines);
        assembler.Flush(lines);

        Assert.Equal(["a"], lines.Select(l => l.Text));
    }
}
