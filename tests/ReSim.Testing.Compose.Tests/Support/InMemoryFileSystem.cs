using System.Text;
using ReSim.Testing.Compose.Loading.FileSystem;

namespace ReSim.Testing.Compose.Tests.Support;

/// <summary>Files in memory, keyed by absolute path, so stage tests never touch the disk.</summary>
internal sealed class InMemoryFileSystem : IComposeFileSystem
{
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public InMemoryFileSystem Add(string fullPath, string text) => Add(fullPath, Encoding.UTF8.GetBytes(text));

    public InMemoryFileSystem Add(string fullPath, byte[] bytes)
    {
        files[Path.GetFullPath(fullPath)] = bytes;
        return this;
    }

    public FileProbe Probe(string fullPath) => files.TryGetValue(fullPath, out var bytes) ? new FileProbe(FileKind.Regular, bytes.LongLength) : FileProbe.Missing;

    public byte[] ReadAllBytes(string fullPath, long maxBytes) => files[fullPath];
}
