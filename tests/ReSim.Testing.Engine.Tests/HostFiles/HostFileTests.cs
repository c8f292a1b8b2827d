using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.Engine.Tests.HostFiles;

/// <summary>What a host path is, told without following a link at its end and without opening it.</summary>
public sealed class HostFileTests : IDisposable
{
    private readonly HostFolder folder = new();

    [Fact]
    public void Every_kind_of_entry_is_told_apart_and_nothing_is_opened()
    {
        File.WriteAllText(folder.Combine("file.txt"), "x");
        Directory.CreateDirectory(folder.Combine("dir"));

        Assert.Equal(HostFileKind.RegularFile, HostFile.KindOf(folder.Combine("file.txt")));
        Assert.Equal(HostFileKind.Directory, HostFile.KindOf(folder.Combine("dir")));
        Assert.Equal(HostFileKind.SymbolicLink, HostFile.KindOf(folder.Link("passwd", "/etc/passwd")));
        Assert.Equal(HostFileKind.SymbolicLink, HostFile.KindOf(folder.Link("dangling", "/no/such/file")));
        Assert.Equal(HostFileKind.Fifo, HostFile.KindOf(folder.Fifo("fifo")));
        Assert.Equal(HostFileKind.Socket, HostFile.KindOf(folder.Socket("engine.sock")));
        Assert.Equal(HostFileKind.CharacterDevice, HostFile.KindOf("/dev/zero"));
        Assert.Equal(HostFileKind.Missing, HostFile.KindOf(folder.Combine("missing")));
        Assert.Equal(HostFileKind.Missing, HostFile.KindOf(folder.Combine("file.txt/below")));
    }

    public void Dispose() => folder.Dispose();
}
