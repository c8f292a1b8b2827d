namespace ReSim.Testing.Engine.HostFiles;

/// <summary>What a path on the host is, seen without following a link at its end.</summary>
public enum HostFileKind
{
    /// <summary>Nothing is at the path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link, not followed.</summary>
    SymbolicLink,

    /// <summary>A named pipe (FIFO): opening it for reading waits for a writer.</summary>
    Fifo,

    /// <summary>A Unix domain socket, such as a container engine's API.</summary>
    Socket,

    /// <summary>A character device, such as <c>/dev/zero</c>.</summary>
    CharacterDevice,

    /// <summary>A block device, such as a disk.</summary>
    BlockDevice,
}
