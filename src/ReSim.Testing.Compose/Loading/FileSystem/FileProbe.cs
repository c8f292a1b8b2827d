namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>What a path names (following symbolic links), and a regular file's size in bytes.</summary>
internal readonly record struct FileProbe(FileKind Kind, long Length = 0)
{
    public static FileProbe Missing { get; } = new(FileKind.Missing);

    /// <summary>How messages name the kind: "a FIFO (named pipe)", "a directory" ...</summary>
    public string Describe() => Kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };
}
