using System.Globalization;
using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Clears an experience's results folder before a rerun, so its logs are never shown beside the previous run's.</summary>
/// <remarks>Deletes nothing but a folder directly inside the results root: never the root, its parents or a path elsewhere,
/// and a link in the root's place of a folder is removed as a link, never followed.</remarks>
/// <param name="delete">Deletes a folder and everything in it; injected so tests can play a folder that cannot be deleted.</param>
/// <param name="time">The clock that names a fresh folder.</param>
internal sealed class ResultsFolder(Action<string> delete, TimeProvider time)
{
    /// <summary>Deletes folders with <see cref="Directory.Delete(string, bool)"/> and names fresh ones by the system clock.</summary>
    public static ResultsFolder Default { get; } = new(folder => Directory.Delete(folder, recursive: true), TimeProvider.System);

    /// <summary>Whether <paramref name="folder"/> is a folder directly inside <paramref name="root"/>, by full paths.</summary>
    /// <param name="root">The results root.</param>
    /// <param name="folder">An experience's results folder.</param>
    /// <returns><see langword="false"/> for the root itself, anything above it, and anything elsewhere or deeper.</returns>
    public static bool IsDirectlyInside(string root, string folder)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var fullFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return Path.GetFileName(fullFolder) is { Length: > 0 } name && name is not "." and not ".."
            && string.Equals(Path.GetDirectoryName(fullFolder), fullRoot, comparison);
    }

    /// <summary>Deletes <paramref name="folder"/> when it exists; when it cannot, picks a fresh folder beside it.</summary>
    /// <param name="root">The results root, which <paramref name="folder"/> must be directly inside.</param>
    /// <param name="folder">The experience's results folder.</param>
    /// <param name="warning">Why the previous results are still there and where this run's go; <see langword="null"/> when the folder is clean.</param>
    /// <returns>The folder this run's results go to.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is not directly inside <paramref name="root"/>; nothing was deleted.</exception>
    public string Prepare(string root, string folder, out string? warning)
    {
        warning = null;
        if (!IsDirectlyInside(root, folder))
        {
            throw new ArgumentException($"Refusing to delete '{folder}': it is not a folder directly inside the results root '{root}'.", nameof(folder));
        }

        if (HostFile.KindOf(Path.GetFullPath(folder)) == HostFileKind.SymbolicLink)
        {
            File.Delete(folder);
            return folder;
        }

        if (!Directory.Exists(folder))
        {
            return folder;
        }

        try
        {
            delete(folder);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Containers run as root by default, so files they wrote into outputs/ may not be deletable by the user running the build.
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var fresh = folder + "-" + stamp;
            for (var n = 2; Directory.Exists(fresh); n++)
            {
                fresh = string.Create(CultureInfo.InvariantCulture, $"{folder}-{stamp}-{n}");
            }

            warning = $"The previous run's results in {folder} could not be deleted ({e.Message}); containers often write root-owned files into outputs/. "
                + $"This run's results go to {fresh}. Delete the old folder as its owner, for example 'sudo rm -rf \"{folder}\"'.";
            return fresh;
        }
    }
}
