namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>The real disk: devices, FIFOs, sockets and directories are recognised before anything is opened, and reads are bounded.</summary>
internal sealed class PhysicalComposeFileSystem : IComposeFileSystem
{
    public static PhysicalComposeFileSystem Instance { get; } = new();

    public FileProbe Probe(string fullPath)
    {
        if (UnixFileType.Of(fullPath) is { } kind)
        {
            return kind == FileKind.Regular ? new FileProbe(kind, new FileInfo(fullPath).Length) : new FileProbe(kind);
        }

        if (Directory.Exists(fullPath))
        {
            return new FileProbe(FileKind.Directory);
        }

        var info = new FileInfo(fullPath);
        return info.Exists ? new FileProbe(FileKind.Regular, info.Length) : FileProbe.Missing;
    }

    public byte[] ReadAllBytes(string fullPath, long maxBytes)
    {
        // Bounded even for a regular file: one that grows while it is read (or a /proc file that reports size 0) cannot fill memory.
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
