using System.Runtime.InteropServices;

namespace ReSim.Testing.Compose.Loading.FileSystem;

/// <summary>The type of a file on Linux and macOS from <c>stat(2)</c>, which .NET's <see cref="FileInfo"/> does not tell (a FIFO and <c>/dev/zero</c> look like empty files).</summary>
/// <remarks>
/// Calls the <c>SystemNative_Stat</c> export of the runtime's own native library (what <see cref="FileInfo"/> uses
/// underneath), so no package with native code is needed. Its result starts with the flags and the mode; the rest of
/// the structure is not read, and the buffer is larger than any version of it.
/// </remarks>
internal static class UnixFileType
{
    private const int TypeMask = 0xF000;

    /// <summary>The kind of <paramref name="fullPath"/> after following symbolic links; <see langword="null"/> where <c>stat</c> is not available (Windows).</summary>
    public static FileKind? Of(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            if (Stat(fullPath, out var status) != 0)
            {
                return FileKind.Missing;
            }

            return (status.Mode & TypeMask) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                _ => FileKind.CharacterDevice,
            };
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
