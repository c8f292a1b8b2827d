using System.Diagnostics;
using System.Net.Sockets;

namespace ReSim.Testing.Engine.Tests.HostFiles;

/// <summary>A fresh temp folder on the host with real links, FIFOs and sockets in it; deleted on dispose.</summary>
public sealed class HostFolder : IDisposable
{
    private readonly List<Socket> sockets = [];

    public string Path { get; } = Directory.CreateTempSubdirectory("resim-hostfiles-").FullName;

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public string Link(string name, string target) => File.CreateSymbolicLink(Combine(name), target).FullName;

    public string Fifo(string name)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Combine(name)]))!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return Combine(name);
    }

    public string Socket(string name)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Combine(name)));
        sockets.Add(socket);
        return Combine(name);
    }

    public void Dispose()
    {
        sockets.ForEach(s => s.Dispose());
        Directory.Delete(Path, recursive: true);
    }
}
