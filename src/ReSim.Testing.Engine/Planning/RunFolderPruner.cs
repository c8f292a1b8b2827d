using System.Text.RegularExpressions;
using ReSim.Testing.Engine.HostFiles;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Removes the folders of finished runs, and the test runs' index pages, from the default results root, as <see cref="ResultsRetention"/> says.</summary>
/// <remarks>
/// Only folders named like a run ID are considered, so nothing else under the root is touched. A folder is finished when
/// its <see cref="RunFolderLock"/> can be taken (the pruner holds it while it deletes, so two pruners never race) or it has
/// no lock file (a folder of an older version), and it was last written over an hour ago: a younger folder is always kept,
/// as its run may be starting or a front end may still be reading its results. A folder that cannot be deleted
/// (root-owned outputs) is left as it is.
/// <para>
/// The index page a test run writes beside the runs' folders (<c>index-yyyyMMdd-HHmmss-PID.html</c>, see the xUnit side's
/// <c>TestRunIndex</c>) links to those folders, so it is kept by the same rule, counted among index pages: the newest
/// <see cref="ResultsRetention.KeepRuns"/>, none older than <see cref="ResultsRetention.KeepDays"/>, and always one
/// written in the last hour. A test run rewrites its page after each experience, so a page pruned while its run still
/// goes on comes back whole at the next one. Without this, the pages piled up and their links went dead.
/// </para>
/// </remarks>
internal static partial class RunFolderPruner
{
    private static readonly TimeSpan RecentGrace = TimeSpan.FromHours(1);

    /// <summary>Prunes <paramref name="root"/>.</summary>
    /// <param name="root">The default results root.</param>
    /// <param name="retention">What to keep.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The folders and index pages removed.</returns>
    public static IReadOnlyList<string> Prune(string root, ResultsRetention retention, DateTimeOffset now)
    {
        if (!Directory.Exists(root) || (retention.KeepRuns == 0 && retention.KeepDays == 0))
        {
            return [];
        }

        var candidates = Directory.EnumerateDirectories(root)
            .Where(folder => RunId().IsMatch(Path.GetFileName(folder)) && HostFile.KindOf(folder) == HostFileKind.Directory)
            .Select(folder => (Folder: folder, Written: new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder), TimeSpan.Zero)))
            .OrderByDescending(f => f.Written)
            .ToList();
        var removed = new List<string>();
        var kept = 0;
        foreach (var (folder, written) in candidates)
        {
            if (now - written <= RecentGrace)
            {
                continue;
            }

            using var owner = RunFolderLock.TryTake(folder);
            if (owner is null && File.Exists(Path.Combine(folder, RunFolderLock.RelativePath)))
            {
                continue;
            }

            if (!Expired(retention, now, written, kept))
            {
                kept++;
                continue;
            }

            // Windows cannot delete a file that is open; elsewhere the lock is held through the delete.
            if (OperatingSystem.IsWindows())
            {
                owner?.Dispose();
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                kept++;
            }
        }

        removed.AddRange(PruneIndexPages(root, retention, now));
        return removed;
    }

    private static List<string> PruneIndexPages(string root, ResultsRetention retention, DateTimeOffset now)
    {
        var pages = Directory.EnumerateFiles(root, "index-*.html")
            .Where(page => IndexPage().IsMatch(Path.GetFileName(page)) && HostFile.KindOf(page) == HostFileKind.RegularFile)
            .Select(page => (Page: page, Written: new DateTimeOffset(File.GetLastWriteTimeUtc(page), TimeSpan.Zero)))
            .OrderByDescending(p => p.Written)
            .ToList();
        var removed = new List<string>();
        var kept = 0;
        foreach (var (page, written) in pages)
        {
            if (now - written <= RecentGrace || !Expired(retention, now, written, kept))
            {
                kept++;
                continue;
            }

            try
            {
                File.Delete(page);
                removed.Add(page);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                kept++;
            }
        }

        return removed;
    }

    // Beyond the newest KeepRuns already kept, or older than KeepDays (a bound of 0 is off).
    private static bool Expired(ResultsRetention retention, DateTimeOffset now, DateTimeOffset written, int kept) =>
        (retention.KeepRuns > 0 && kept >= retention.KeepRuns) || (retention.KeepDays > 0 && now - written > TimeSpan.FromDays(retention.KeepDays));

    [GeneratedRegex("^[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunId();

    [GeneratedRegex(@"^index-[0-9]{8}-[0-9]{6}-[0-9]+\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPage();
}
