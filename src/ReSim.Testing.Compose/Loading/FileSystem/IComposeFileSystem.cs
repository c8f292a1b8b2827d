namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>The loader's only access to files, so that every stage can be tested with files in memory.</summary>
internal interface IComposeFileSystem
{
    /// <summary>What <paramref name="fullPath"/> names, without opening it (a FIFO must never be opened: that blocks).</summary>
    FileProbe Probe(string fullPath);

    /// <summary>Reads a file <see cref="Probe"/> called regular, at most <paramref name="maxBytes"/> + 1 bytes (more means too large).</summary>
    byte[] ReadAllBytes(string fullPath, long maxBytes);
}
