using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.MSBuild.Reporting;
using ReSim.Testing.MSBuild.Running;
using ReSim.Testing.MSBuild.Tests.Fakes;

namespace ReSim.Testing.MSBuild.Tests;

/// <summary>
/// The task over the real executor and the real folder cleaner, in a real project folder whose results root is inside it:
/// an item named to escape the root is an error, and the project's files survive.
/// </summary>
public sealed class ResultsRootSafetyTests : IDisposable
{
    private readonly string project = Directory.CreateTempSubdirectory("resim-consumer-").FullName;
    private readonly FakeBuildEngine engine = new();

    public void Dispose() => Directory.Delete(project, recursive: true);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("/")]
    [InlineData("a/../..")]
    public void An_item_named_to_escape_the_results_root_is_RSIM104_and_deletes_nothing(string name)
    {
        var sentinel = Path.Combine(project, "Program.cs");
        File.WriteAllText(sentinel, "class Program {}");
        File.WriteAllText(Path.Combine(project, "compose.yml"), "services:\n  test:\n    image: " + TestEngine.Image + "\n    labels: { resim.ai/isTestOrchestrator: \"true\" }\n");
        var resultsRoot = Directory.CreateDirectory(Path.Combine(project, "resim")).FullName;
        File.WriteAllText(Path.Combine(resultsRoot, "kept.txt"), "kept");
        var executor = new EngineExperienceExecutor(new ExperienceRunner(UnreachableRuntime.Create().Runtime), ResultsFolder.Default);
        using var task = new RunComposeExperience(executor)
        {
            BuildEngine = engine,
            Experiences = [ComposeItems.Experience("compose.yml", ("Name", name))],
            ResultsDirectory = resultsRoot,
            ProjectDirectory = project,
        };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(TaskErrorCodes.InvalidItem, error.Code);
        Assert.StartsWith($"ComposeExperience 'compose.yml': Name is \"{name}\", which cannot name the experience's results folder;", error.Message, StringComparison.Ordinal);
        Assert.Equal("class Program {}", File.ReadAllText(sentinel));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(resultsRoot, "kept.txt")));
    }
}
