using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.Engine.Results;

/// <summary>Lists a run's outputs folder (R23) as regular files inside it only, bounded, every left-out entry named.</summary>
/// <remarks>
/// The containers wrote the folder, so nothing in it is trusted: a symbolic link is never followed (neither to a file nor
/// into a folder), a FIFO, socket or device is never opened, and sizes, entries and depth are bounded by
/// <see cref="OutputLimits"/>. Nothing is left out silently: each entry not taken is in <see cref="OutputListing.Skipped"/>.
/// </remarks>
public static class OutputFolder
{
    /// <summary>Lists <paramref name="outputsDirectory"/>.</summary>
    /// <param name="outputsDirectory">The run's outputs folder; a missing folder lists as empty.</param>
    /// <param name="limits">How much to take.</param>
    /// <returns>The files to read and the entries left out.</returns>
    public static OutputListing List(string outputsDirectory, OutputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(outputsDirectory);
        ArgumentNullException.ThrowIfNull(limits);
        var walk = new Walk(limits);
        if (HostFile.KindOf(Path.GetFullPath(outputsDirectory)) == HostFileKind.Directory)
        {
            walk.Folder(Path.GetFullPath(outputsDirectory), string.Empty, 0);
        }

        return new OutputListing(walk.Files.ToImmutable(), walk.Skipped.ToImmutable());
    }

    private sealed class Walk(OutputLimits limits)
    {
        private long total;
        private int entries;

        public ImmutableArray<OutputFile>.Builder Files { get; } = ImmutableArray.CreateBuilder<OutputFile>();

        public ImmutableArray<SkippedOutput>.Builder Skipped { get; } = ImmutableArray.CreateBuilder<SkippedOutput>();

        public void Folder(string folder, string prefix, int depth)
        {
            string[] names;
            try
            {
                names = [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Skipped.Add(new(prefix.Length == 0 ? "." : prefix.TrimEnd('/'), $"a folder that cannot be listed ({e.Message})"));
                return;
            }

            foreach (var name in names)
            {
                var relative = prefix + name;
                if (++entries > limits.MaxEntries)
                {
                    Skipped.Add(new(relative, string.Create(CultureInfo.InvariantCulture, $"past the limit of {limits.MaxEntries} entries examined")));
                    continue;
                }

                Entry(Path.Combine(folder, name), relative, depth);
            }
        }

        private void Entry(string path, string relative, int depth)
        {
            switch (KindOf(path, relative))
            {
                case HostFileKind.Directory when depth + 1 > limits.MaxDepth:
                    Skipped.Add(new(relative, string.Create(CultureInfo.InvariantCulture, $"a folder deeper than {limits.MaxDepth} levels, not entered")));
                    break;
                case HostFileKind.Directory:
                    Folder(path, relative + "/", depth + 1);
                    break;
                case HostFileKind.RegularFile:
                    File(path, relative);
                    break;
                case HostFileKind.SymbolicLink:
                    Skipped.Add(new(relative, $"a symbolic link to {new FileInfo(path).LinkTarget}, never followed, so nothing outside the outputs folder is read"));
                    break;
                case HostFileKind.Fifo:
                    Skipped.Add(new(relative, "a named pipe (FIFO), never opened: reading one waits for a writer"));
                    break;
                case HostFileKind.Socket:
                    Skipped.Add(new(relative, "a socket, never opened"));
                    break;
                case HostFileKind.CharacterDevice or HostFileKind.BlockDevice:
                    Skipped.Add(new(relative, "a device file, never opened"));
                    break;
                case HostFileKind.Missing:
                    Skipped.Add(new(relative, "gone before it could be examined"));
                    break;
                default:
                    break;
            }
        }

        private HostFileKind? KindOf(string path, string relative)
        {
            try
            {
                return HostFile.KindOf(path);
            }
            catch (IOException e)
            {
                Skipped.Add(new(relative, $"cannot be examined ({e.Message})"));
                return null;
            }
        }

        private void File(string path, string relative)
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                Skipped.Add(new(relative, string.Create(CultureInfo.InvariantCulture, $"{length} bytes, more than the limit of {limits.MaxFileBytes} bytes for one file")));
            }
            else if (length > limits.MaxTotalBytes - total)
            {
                Skipped.Add(new(relative, string.Create(CultureInfo.InvariantCulture, $"{length} bytes, past the limit of {limits.MaxTotalBytes} bytes for all outputs together")));
            }
            else
            {
                total += length;
                Files.Add(new OutputFile(relative, path, length));
            }
        }
    }
}
