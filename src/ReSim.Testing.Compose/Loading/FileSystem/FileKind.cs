namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>What a path names, as far as the loader cares: only <see cref="Regular"/> files are ever opened.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}
