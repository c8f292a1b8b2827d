using ReSim.Testing.Reporting;

namespace ReSim.Testing.Xunit.Tests.Reporting;

/// <summary>Removing what earlier runs of a test left in its attachment folder, with real folders.</summary>
public sealed class EarlierAttachmentsTests : IDisposable
{
    private const string TestId = "14ce67ed07bb12d6b991d6dbedf33abe28ff5c86d7b8780306bfc478ba1e75f6";
    private readonly string results = Directory.CreateTempSubdirectory("resim-testresults-").FullName;

    [Theory]
    [InlineData(new[] { "--report-trx", "--results-directory", "/r/one" }, "/r/one")]
    [InlineData(new[] { "--results-directory=/r/two" }, "/r/two")]
    [InlineData(new[] { "--results-directory:/r/three" }, "/r/three")]
    [InlineData(new[] { "--report-trx" }, "/assembly/TestResults")]
    public void The_results_directory_is_the_platforms_option_else_TestResults_beside_the_assembly(string[] arguments, string expected)
    {
        Assert.Equal(Path.GetFullPath(expected), EarlierAttachments.ResultsDirectory(arguments, "/assembly"));
    }

    [Fact]
    public void The_files_of_the_tests_own_folder_are_removed_and_nothing_else()
    {
        var own = Directory.CreateDirectory(Path.Combine(results, TestId)).FullName;
        File.WriteAllText(Path.Combine(own, "outputs_old.txt"), "old");
        File.CreateSymbolicLink(Path.Combine(own, "outputs_link.txt"), "/etc/passwd");
        Directory.CreateDirectory(Path.Combine(own, "nested"));
        var other = Directory.CreateDirectory(Path.Combine(results, new string('a', 64))).FullName;
        File.WriteAllText(Path.Combine(other, "outputs_other.txt"), "other test");

        var removed = EarlierAttachments.Clear(results, TestId);

        Assert.Equal(["outputs_link.txt", "outputs_old.txt"], removed);
        Assert.Equal(["nested"], Directory.GetFileSystemEntries(own).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(other, "outputs_other.txt")));
        Assert.True(File.Exists("/etc/passwd"));
    }

    [Fact]
    public void An_id_that_is_not_a_test_id_or_a_missing_folder_removes_nothing()
    {
        File.WriteAllText(Path.Combine(results, "kept.txt"), "kept");

        Assert.Empty(EarlierAttachments.Clear(results, ".."));
        Assert.Empty(EarlierAttachments.Clear(results, TestId));
        Assert.True(File.Exists(Path.Combine(results, "kept.txt")));
    }

    public void Dispose() => Directory.Delete(results, recursive: true);
}
