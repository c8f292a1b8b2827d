using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Tests;

public sealed class ExperienceBatchTests
{
    private static ExperienceItem Item(string name) =>
        new("compose.yml", new ExperienceRequest { ComposeFile = "/p/compose.yml", Settings = new() { Name = name, Timeout = TimeSpan.FromSeconds(5) } });

    [Fact]
    public void Each_experience_gets_its_own_results_folder_even_when_names_repeat()
    {
        var root = Path.Combine(Path.GetTempPath(), "results");

        var folders = ExperienceBatch.AssignFolders([Item("compose-sim"), Item("compose-sim"), Item("other")], root);

        Assert.Equal(
            [Path.Combine(root, "compose-sim"), Path.Combine(root, "compose-sim-2"), Path.Combine(root, "other")],
            folders);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_default_name_that_would_be_the_root_or_its_parent_becomes_a_folder_inside_the_root(string name)
    {
        var folder = Assert.Single(ExperienceBatch.AssignFolders([Item(name)], "/r"));

        Assert.Equal(Path.GetFullPath("/r/experience"), folder);
    }

    [Fact]
    public void Characters_a_folder_name_cannot_hold_are_replaced()
    {
        var folder = Assert.Single(ExperienceBatch.AssignFolders([Item("a/b c")], "/r"));

        Assert.Equal(Path.GetFullPath("/r/a_b_c"), folder);
    }
}
