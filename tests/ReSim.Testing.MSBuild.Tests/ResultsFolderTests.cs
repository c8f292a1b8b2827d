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

        var used = ResultsFolder.Default.Prepare(root, folder, out var warning);

        Assert.Equal(folder, used);
        Assert.Null(warning);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_used_as_is() =>
        Assert.Equal(Path.Combine(root, "new"), ResultsFolder.Default.Prepare(root, Path.Combine(root, "new"), out _));

    [Fact]
    public void A_folder_that_cannot_be_deleted_gives_a_warning_and_a_fresh_folder_beside_it()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "compose-sim")).FullName;
        Directory.CreateDirectory(folder + "-20260102-030405");
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var cleaner = new ResultsFolder(_ => throw new UnauthorizedAccessException("Access to the path 'outputs/robot.bag' is denied."), clock);

        var used = cleaner.Prepare(root, folder, out var warning);

        Assert.Equal(folder + "-20260102-030405-2", used);
        Assert.NotNull(warning);
        Assert.Contains($"The previous run's results in {folder} could not be deleted (Access to the path 'outputs/robot.bag' is denied.)", warning, StringComparison.Ordinal);
        Assert.Contains("root-owned files into outputs/", warning, StringComparison.Ordinal);
        Assert.Contains($"This run's results go to {used}", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("a/../..")]
    [InlineData("../project")]
    [InlineData("inner/deeper")]
    [InlineData("/")]
    public void A_folder_that_is_not_directly_inside_the_root_is_refused_and_nothing_is_deleted(string relative)
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
        var resultsRoot = Directory.CreateDirectory(Path.Combine(project, "obj", "resim")).FullName;
        Directory.CreateDirectory(Path.Combine(resultsRoot, "inner", "deeper"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), "sentinel");
        var folder = Path.GetFullPath(Path.Combine(resultsRoot, relative));
        var deleted = new List<string>();

        var error = Assert.Throws<ArgumentException>(() => new ResultsFolder(deleted.Add, TimeProvider.System).Prepare(resultsRoot, folder, out _));

        Assert.StartsWith($"Refusing to delete '{folder}': it is not a folder directly inside the results root '{resultsRoot}'.", error.Message, StringComparison.Ordinal);
        Assert.Empty(deleted);
        Assert.Equal("sentinel", File.ReadAllText(Path.Combine(project, "Program.cs")));
    }

    [Fact]
    public void A_link_in_place_of_a_results_folder_is_removed_as_a_link_and_what_it_points_at_survives()
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
        File.WriteAllText(Path.Combine(project, "Program.cs"), "sentinel");
        var resultsRoot = Directory.CreateDirectory(Path.Combine(root, "results")).FullName;
        var link = Directory.CreateSymbolicLink(Path.Combine(resultsRoot, "compose"), project).FullName;

        var used = ResultsFolder.Default.Prepare(resultsRoot, link, out var warning);

        Assert.Equal(link, used);
        Assert.Null(warning);
        Assert.False(Path.Exists(link));
        Assert.Equal("sentinel", File.ReadAllText(Path.Combine(project, "Program.cs")));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
