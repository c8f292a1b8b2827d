using System.Globalization;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Clears an experience's results folder before a rerun, so its logs are never shown beside the previous run's.</summary>
/// <param name="delete">Deletes a folder and everything in it; injected so tests can play a folder that cannot be deleted.</param>
/// <param name="time">The clock that names a fresh folder.</param>
internal sealed class ResultsFolder(Action<string> delete, TimeProvider time)
{
    /// <summary>Deletes folders with <see cref="Directory.Delete(string, bool)"/> and names fresh ones by the system clock.</summary>
    public static ResultsFolder Default { get; } = new(folder => Directory.Delete(folder, recursive: true), TimeProvider.System);

    /// <summary>Deletes <paramref name="folder"/> when it exists; when it cannot, picks a fresh folder beside it.</summary>
    /// <param name="folder">The experience's results folder.</param>
    /// <param name="warning">Why the previous results are still there and where this run's go; <see langword="null"/> when the folder is clean.</param>
    /// <returns>The folder this run's results go to.</returns>
    public string Prepare(string folder, out string? warning)
    {
        warning = null;
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
