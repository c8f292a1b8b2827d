using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Tests;

/// <summary>The MSBuild executor over the engine's launcher, with a runtime that plays an engine that is down.</summary>
public sealed class EngineExperienceExecutorTests : IDisposable
{
    private const string Valid = "services:\n  test:\n    image: " + TestEngine.Image + "\n    labels: { resim.ai/isTestOrchestrator: \"true\" }\n";
    private readonly string root = Directory.CreateTempSubdirectory("resim-executor-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task A_compose_file_with_errors_is_not_run_and_its_old_results_are_kept_R3()
    {
        var results = Directory.CreateDirectory(Path.Combine(root, "compose")).FullName;
        var outcome = await Executor(_ => throw new InvalidOperationException("must not clean")).RunAsync(Item("services:\n  test:\n    command: [\"true\"]\n"), root, results, NoObserver.Instance, CancellationToken.None);

        Assert.Equal(ExperienceVerdict.Error, outcome.Verdict);
        Assert.Equal("its compose file has errors (reported above); fix them and run again.", outcome.Reason!.Message);
        Assert.Contains(outcome.Diagnostics, d => d.Code == "RSIM034");
        Assert.True(Directory.Exists(results));
    }

    [Fact]
    public async Task An_engine_that_is_down_is_an_Error_outcome_and_an_undeletable_folder_a_warning_with_a_fresh_folder()
    {
        var results = Directory.CreateDirectory(Path.Combine(root, "compose")).FullName;
        var outcome = await Executor(_ => throw new IOException("Permission denied")).RunAsync(Item(Valid), root, results, NoObserver.Instance, CancellationToken.None);

        Assert.Equal(ExperienceVerdict.Error, outcome.Verdict);
        Assert.Contains(UnreachableRuntime.Message, outcome.Reason!.Message, StringComparison.Ordinal);
        Assert.StartsWith(results + "-", outcome.ResultsDirectory, StringComparison.Ordinal);
        Assert.Contains("could not be deleted (Permission denied)", Assert.Single(outcome.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/../..")]
    [InlineData("inner/deeper")]
    public async Task A_results_folder_not_directly_inside_the_root_is_never_deleted_and_the_experience_not_run(string relative)
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
        var resultsRoot = Directory.CreateDirectory(Path.Combine(project, "obj", "resim")).FullName;
        var folder = Path.GetFullPath(Path.Combine(resultsRoot, relative));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "sentinel");

        var outcome = await Executor(Directory.Delete).RunAsync(Item(Valid), resultsRoot, folder, NoObserver.Instance, CancellationToken.None);

        Assert.Equal(ExperienceVerdict.Error, outcome.Verdict);
        Assert.Equal(
            $"its results folder {folder} is not a folder inside the results root {resultsRoot}, so nothing was deleted or run. Give the item a Name that is a plain folder name.",
            outcome.Reason!.Message);
        Assert.Equal("sentinel", File.ReadAllText(Path.Combine(project, "Program.cs")));
        Assert.True(Directory.Exists(folder));
    }

    private static EngineExperienceExecutor Executor(Action<string> delete) =>
        new(new ExperienceRunner(UnreachableRuntime.Create().Runtime), new ResultsFolder(delete, TimeProvider.System));

    private ExperienceItem Item(string yaml)
    {
        var compose = Path.Combine(root, "compose.yml");
        File.WriteAllText(compose, yaml);
        return new ExperienceItem("compose.yml", new ExperienceRequest { ComposeFile = compose, Settings = new() { Name = "compose", Timeout = TimeSpan.FromSeconds(30) } });
    }

    private sealed class NoObserver : IExperienceObserver
    {
        public static readonly NoObserver Instance = new();

        public void OnLogLine(string service, OutputChannel channel, string line)
        {
        }

        public void OnStateChange(TimelineEntry entry)
        {
        }
    }
}
