namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>The loader's only access to files, so that every stage can be tested with files in memory.</summary>
internal interface IComposeFileSystem
{
    /// <summary>The size of the file in bytes, or <see langword="null"/> when it does not exist.</summary>
    long? GetLength(string fullPath);

    /// <summary>Reads the whole file; only called after <see cref="GetLength"/> said it exists and is small enough.</summary>
    byte[] ReadAllBytes(string fullPath);
}
