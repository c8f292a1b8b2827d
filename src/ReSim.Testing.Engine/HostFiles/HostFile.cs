using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ReSim.Testing.Engine.HostFiles;

/// <summary>Tells what a host path is without following a link at its end and without opening it (<c>lstat</c>).</summary>
/// <remarks>
/// .NET's file APIs say "file" for a FIFO, a socket and a device alike, and opening a FIFO blocks; so on Linux the kind
/// comes from <c>statx</c>, whose layout is the same on every architecture. Elsewhere (macOS, Windows) only links and
/// directories are told apart, and every other entry counts as a regular file.
/// </remarks>
public static class HostFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    /// <summary>What <paramref name="path"/> is; a link at its end is not followed.</summary>
    /// <param name="path">An absolute host path.</param>
    /// <returns>The kind, <see cref="HostFileKind.Missing"/> when nothing is there.</returns>
    /// <exception cref="IOException">The path cannot be examined (for example, no permission on a folder above it).</exception>
    public static HostFileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return OperatingSystem.IsLinux() ? FromStatx(path) : FromManaged(path);
    }

    private static HostFileKind FromStatx(string path)
    {
        var buffer = new byte[StatxBufferSize];
        if (Statx(AtFdCwd, NulTerminated(path), AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoSuchFile or NotADirectory
                ? HostFileKind.Missing
                : throw new IOException($"Cannot examine '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }

        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & 0xF000;
        return mode switch
        {
            0x8000 => HostFileKind.RegularFile,
            0x4000 => HostFileKind.Directory,
            0xA000 => HostFileKind.SymbolicLink,
            0x1000 => HostFileKind.Fifo,
            0xC000 => HostFileKind.Socket,
            0x2000 => HostFileKind.CharacterDevice,
            _ => HostFileKind.BlockDevice,
        };
    }

    private static HostFileKind FromManaged(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return HostFileKind.Missing;
        }

        return info.LinkTarget is not null ? HostFileKind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? HostFileKind.Directory
            : HostFileKind.RegularFile;
    }

    private static byte[] NulTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    // statx(2) needs glibc 2.28 or musl 1.2.5; its struct has one layout on every Linux architecture (stx_mode at byte 28).
    [DllImport("libc", EntryPoint = "statx", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
