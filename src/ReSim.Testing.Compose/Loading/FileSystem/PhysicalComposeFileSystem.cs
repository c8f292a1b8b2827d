namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>The real disk.</summary>
internal sealed class PhysicalComposeFileSystem : IComposeFileSystem
{
    public static PhysicalComposeFileSystem Instance { get; } = new();

    public long? GetLength(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? info.Length : null;
    }

    public byte[] ReadAllBytes(string fullPath) => File.ReadAllBytes(fullPath);
}
