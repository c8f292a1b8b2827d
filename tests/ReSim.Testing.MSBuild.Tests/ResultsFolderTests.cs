using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Tests;

/// <summary>Clearing a results folder before a rerun, also when the previous run left files the user cannot delete.</summary>
public sealed class ResultsFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("resim-results-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_previous_runs_folder_is_deleted_so_its_logs_are_never_shown_beside_the_new_ones()
    {
        var folder = Path.Combine(root, "compose-sim");
        Directory.CreateDirectory(Path.Combine(folder, "outputs"));
        File.WriteAllText(Path.Combine(folder, "experience-robot-container.log"), "old");

        var used = ResultsFolder.Default.Prepare(folder, out var warning);

        Assert.Equal(folder, used);
        Assert.Null(warning);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_used_as_is() =>
        Assert.Equal(Path.Combine(root, "new"), ResultsFolder.Default.Prepare(Path.Combine(root, "new"), out _));

    [Fact]
    public void A_folder_that_cannot_be_deleted_gives_a_warning_and_a_fresh_folder_beside_it()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "compose-sim")).FullName;
        Directory.CreateDirectory(folder + "-20260102-030405");
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var cleaner = new ResultsFolder(_ => throw new UnauthorizedAccessException("Access to the path 'outputs/robot.bag' is denied."), clock);

        var used = cleaner.Prepare(folder, out var warning);

        Assert.Equal(folder + "-20260102-030405-2", used);
        Assert.NotNull(warning);
        Assert.Contains($"The previous run's results in {folder} could not be deleted (Access to the path 'outputs/robot.bag' is denied.)", warning, StringComparison.Ordinal);
        Assert.Contains("root-owned files into outputs/", warning, StringComparison.Ordinal);
        Assert.Contains($"This run's results go to {used}", warning, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
