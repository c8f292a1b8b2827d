using System.Text;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R21: cutting the engine's chunks into lines, whatever the chunk boundaries.</summary>
public sealed class LogLineAssemblerTests
{
    [Fact]
    public void Lines_split_across_chunks_come_out_whole_and_each_stream_keeps_its_own_partial_line()
    {
        var assembler = new LogLineAssembler();
        var lines = new List<(OutputChannel Stream, string Text)>();

        assembler.Add(OutputChannel.StdOut, "hel"u8, lines);
        assembler.Add(OutputChannel.StdErr, "err"u8, lines);
        assembler.Add(OutputChannel.StdOut, "lo\nwor"u8, lines);
        assembler.Add(OutputChannel.StdErr, "or\n"u8, lines);
        assembler.Add(OutputChannel.StdOut, "ld\r\n\nlast"u8, lines);
        assembler.Flush(lines);

        Assert.Equal(
            [(OutputChannel.StdOut, "hello"), (OutputChannel.StdErr, "error"), (OutputChannel.StdOut, "world"), (OutputChannel.StdOut, string.Empty), (OutputChannel.StdOut, "last")],
            lines);
    }

    [Fact]
    public void A_multi_byte_character_split_between_chunks_is_decoded_once_whole()
    {
        var bytes = Encoding.UTF8.GetBytes("grüße 🤖\n");
        var assembler = new LogLineAssembler();
        var lines = new List<(OutputChannel Stream, string Text)>();

        foreach (var b in bytes)
        {
            assembler.Add(OutputChannel.StdOut, [b], lines);
        }

        Assert.Equal([(OutputChannel.StdOut, "grüße 🤖")], lines);
    }

    [Fact]
    public void Nothing_is_handed_out_twice_and_an_empty_flush_adds_nothing()
    {
        var assembler = new LogLineAssembler();
        var lines = new List<(OutputChannel Stream, string Text)>();

        assembler.Add(OutputChannel.StdOut, "a\n"u8, lines);
        assembler.Flush(lines);
        assembler.Flush(lines);

        Assert.Equal([(OutputChannel.StdOut, "a")], lines);
    }
}
