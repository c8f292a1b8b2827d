using System.Globalization;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Marks a run's results folder as live: an exclusive lock on <c>.resim/run.lock</c>, held until disposed.</summary>
/// <remarks>
/// The lock is the operating system's (on Unix, <c>flock</c>, which .NET takes for <see cref="FileShare.None"/>), so it is
/// released when the owning process ends in any way, <c>kill -9</c> included, and it is seen by every process on the
/// machine whatever its PID namespace. The file also names the owner, for people.
/// </remarks>
internal sealed class RunFolderLock : IDisposable
{
    /// <summary>The lock file's path inside a run's results folder.</summary>
    public const string RelativePath = ".resim/run.lock";

    private readonly FileStream stream;

    private RunFolderLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock of the run whose results folder is <paramref name="results"/>.</summary>
    /// <param name="results">The run's results folder, which exists.</param>
    /// <returns>The held lock.</returns>
    public static RunFolderLock Acquire(string results)
    {
        var path = Path.Combine(results, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var owner = string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} on {Environment.MachineName}, since {DateTimeOffset.UtcNow:O}\n");
        stream.Write(System.Text.Encoding.UTF8.GetBytes(owner));
        stream.Flush();
        return new RunFolderLock(stream);
    }

    /// <summary>Tries to take the lock of a run folder found on disk, to remove it.</summary>
    /// <param name="results">A run's results folder.</param>
    /// <returns>The lock, or <see langword="null"/> when the run holds it (it is live) or has no lock file.</returns>
    public static RunFolderLock? TryTake(string results)
    {
        try
        {
            return new RunFolderLock(new FileStream(Path.Combine(results, RelativePath), FileMode.Open, FileAccess.ReadWrite, FileShare.None));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock; the file stays, marking the run as finished.</summary>
    public void Dispose() => stream.Dispose();
}
