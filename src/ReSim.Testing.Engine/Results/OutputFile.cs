using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.Engine.Results;

/// <summary>A regular file inside a run's outputs folder (R23), safe to read: no link was followed to reach it.</summary>
/// <param name="RelativePath">Its path in the outputs folder, with <c>/</c> between folders.</param>
/// <param name="FullPath">Its absolute path on the host.</param>
/// <param name="Length">Its size when it was listed, in bytes.</param>
public sealed record OutputFile(string RelativePath, string FullPath, long Length)
{
    /// <summary>Reads the file: at most <see cref="Length"/> bytes, and only while it is still a regular file.</summary>
    /// <returns>The bytes; fewer than <see cref="Length"/> when it shrank since it was listed.</returns>
    /// <exception cref="IOException">It is no longer a regular file, or cannot be read.</exception>
    public byte[] ReadAllBytes()
    {
        // Checked again just before opening: a FIFO put in its place would block the open forever.
        if (HostFile.KindOf(FullPath) != HostFileKind.RegularFile)
        {
            throw new IOException($"'{FullPath}' is no longer a regular file.");
        }

        using var stream = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[Length];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
