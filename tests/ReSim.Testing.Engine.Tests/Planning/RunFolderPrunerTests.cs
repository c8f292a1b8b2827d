using System.Diagnostics;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.HostFiles;

namespace ReSim.Testing.Engine.Tests.Planning;

/// <summary>Pruning the default results root with real folders and real locks: finished runs beyond the retention go, live ones stay.</summary>
public sealed class RunFolderPrunerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HostFolder root = new();
    private readonly List<IDisposable> held = [];

    [Fact]
    public void Finished_runs_beyond_the_newest_N_are_removed_and_a_live_run_and_other_folders_are_never_touched()
    {
        var finished = Enumerable.Range(1, 5).Select(i => Run($"00000000000{i}", Now.AddHours(-1 - i))).ToList();
        var live = Run("0000000000aa", Now.AddDays(-30));
        held.Add(RunFolderLock.Acquire(live));
        var notARun = Directory.CreateDirectory(root.Combine("my-notes")).FullName;
        Directory.SetLastWriteTimeUtc(notARun, Now.AddDays(-30).UtcDateTime);

        var removed = RunFolderPruner.Prune(root.Path, new ResultsRetention(KeepRuns: 2, KeepDays: 0), Now);

        Assert.Equal(finished.Skip(2), removed);
        Assert.Equal(["000000000001", "000000000002", "0000000000aa", "my-notes"], Directory.GetDirectories(root.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Finished_runs_older_than_N_days_are_removed_and_0_turns_both_bounds_off()
    {
        var recent = Run("000000000001", Now.AddDays(-1));
        var old = Run("000000000002", Now.AddDays(-8));

        Assert.Empty(RunFolderPruner.Prune(root.Path, new ResultsRetention(0, 0), Now));
        Assert.Equal([old], RunFolderPruner.Prune(root.Path, new ResultsRetention(KeepRuns: 0, KeepDays: 7), Now));
        Assert.True(Directory.Exists(recent));
    }

    [Fact]
    public void A_folder_written_in_the_last_hour_is_kept_and_an_older_one_without_a_lock_file_counts_as_finished()
    {
        var newest = Run("000000000001", Now.AddMinutes(-1));
        var starting = Run("000000000002", Now.AddMinutes(-5), withLockFile: false);
        var finished = Run("000000000003", Now.AddMinutes(-90));
        var legacy = Run("000000000004", Now.AddHours(-2), withLockFile: false);

        var removed = RunFolderPruner.Prune(root.Path, new ResultsRetention(KeepRuns: 1, KeepDays: 0), Now);

        Assert.Equal([legacy], removed);
        Assert.All([newest, starting, finished], f => Assert.True(Directory.Exists(f), f));
    }

    [Fact]
    public void Test_run_index_pages_are_kept_as_the_runs_are_the_newest_N_none_older_than_N_days_and_other_files_are_never_touched()
    {
        var pages = Enumerable.Range(1, 5).Select(i => IndexPage($"index-20261130-0{i}0000-{100 + i}.html", Now.AddHours(-1 - i))).ToList();
        var current = IndexPage("index-20261201-115500-999.html", Now.AddMinutes(-5));
        var notAPage = IndexPage("index-notes.html", Now.AddDays(-30));
        var run = Run("000000000001", Now.AddHours(-2));

        var removed = RunFolderPruner.Prune(root.Path, new ResultsRetention(KeepRuns: 3, KeepDays: 0), Now);

        // The page written in the last hour counts among the newest 3, as it would be the page of a test run still going on.
        Assert.Equal(pages.Skip(2), removed);
        Assert.All([current, notAPage, run, .. pages.Take(2)], p => Assert.True(Path.Exists(p), p));

        var old = IndexPage("index-20261120-120000-7.html", Now.AddDays(-8));
        Assert.Equal([old], RunFolderPruner.Prune(root.Path, new ResultsRetention(KeepRuns: 0, KeepDays: 7), Now));
        Assert.Empty(RunFolderPruner.Prune(root.Path, new ResultsRetention(0, 0), Now));
    }

    [Fact]
    public void A_run_whose_owner_process_holds_the_lock_is_live_and_becomes_finished_when_that_process_is_killed()
    {
        var run = Run("000000000001", Now.AddDays(-30));
        using var owner = Process.Start(new ProcessStartInfo("flock", ["--exclusive", Path.Combine(run, RunFolderLock.RelativePath), "sleep", "60"]))!;
        WaitUntil(() => RunFolderLock.TryTake(run) is not { } taken ? true : Release(taken));

        Assert.Empty(RunFolderPruner.Prune(root.Path, new ResultsRetention(1, 1), Now));
        // SIGKILL to flock and the sleep that inherited its locked descriptor, as kill -9 of a runner and its children.
        owner.Kill(entireProcessTree: true);
        owner.WaitForExit();
        // Kill returns once flock is gone; the kernel drops the lock when the sleep it forked is gone too.
        WaitUntil(() => RunFolderLock.TryTake(run) is { } taken && !Release(taken));

        Assert.Equal([run], RunFolderPruner.Prune(root.Path, new ResultsRetention(1, 1), Now));
    }

    [Fact]
    public void A_lock_held_by_this_process_is_seen_and_released_on_dispose()
    {
        var run = Run("000000000001", Now);
        var owner = RunFolderLock.Acquire(run);

        Assert.Null(RunFolderLock.TryTake(run));
        owner.Dispose();
        Assert.StartsWith($"pid {Environment.ProcessId} on ", File.ReadAllText(Path.Combine(run, RunFolderLock.RelativePath)));
        using var taken = RunFolderLock.TryTake(run);
        Assert.NotNull(taken);
    }

    public void Dispose()
    {
        held.ForEach(h => h.Dispose());
        root.Dispose();
    }

    private static bool Release(RunFolderLock taken)
    {
        taken.Dispose();
        return false;
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the lock did not change hands within 10 s");
            Thread.Sleep(20);
        }
    }

    private string IndexPage(string name, DateTimeOffset written)
    {
        var page = root.Combine(name);
        File.WriteAllText(page, "<!DOCTYPE html>");
        File.SetLastWriteTimeUtc(page, written.UtcDateTime);
        return page;
    }

    private string Run(string id, DateTimeOffset written, bool withLockFile = true)
    {
        var folder = Directory.CreateDirectory(root.Combine(id)).FullName;
        File.WriteAllText(Path.Combine(folder, "timeline.jsonl"), "{}\n");
        if (withLockFile)
        {
            RunFolderLock.Acquire(folder).Dispose();
        }

        Directory.SetLastWriteTimeUtc(folder, written.UtcDateTime);
        return folder;
    }
}
