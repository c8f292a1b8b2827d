using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Rules;

namespace ReSim.Testing.Engine.Tests.Launch;

/// <summary>The one pipeline both front ends run: load (R3, R8, R13), stop on errors, build, run on the shared Docker runtime.</summary>
public sealed class ExperienceRequestTests : IDisposable
{
    private const string Passing = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{LaunchFiles.Orchestrator}}
            container_name: fixed
            command: ["sh", "-c", "echo launched $$GREETING"]
        """;

    private static readonly string[] Names = ["a", "b"];

    private readonly LaunchFiles files = new();

    [Fact]
    public async Task A_compose_file_with_errors_gives_an_Error_result_without_contacting_Docker_R3()
    {
        var compose = files.Write("services:\n  test:\n    command: [\"true\"]\n");
        var (runtime, probe) = UnreachableRuntime.Create();

        var result = await new ExperienceRunner(runtime).RunAsync(new ExperienceRequest { ComposeFile = compose }, null, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == DiagnosticCodes.MissingImage);
        Assert.Contains($"The compose file {compose} has", result.Reason!.Message);
        Assert.Contains("No container was started", result.Reason.Message);
        Assert.Equal(0, probe.Calls);
        Assert.False(Directory.Exists(result.ResultsDirectory));
    }

    [Fact]
    public async Task An_engine_that_cannot_be_reached_gives_an_Error_result_with_its_message_not_an_exception()
    {
        var compose = files.Write(Passing);
        var (runtime, _) = UnreachableRuntime.Create();
        var request = new ExperienceRequest { ComposeFile = compose, Settings = new() { ResultsDirectory = files.Results() } };

        var result = await new ExperienceRunner(runtime).RunAsync(request, null, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains(UnreachableRuntime.Message, result.Reason!.Message);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.IgnoredKey);
    }

    [Fact]
    public void Load_builds_the_experience_from_every_part_of_the_request_and_keeps_the_warnings_R7()
    {
        var compose = files.Write(Passing);
        var system = new Compose.Model.SystemResources(3, 1L << 30, ["gpu-a"]);
        var request = new ExperienceRequest
        {
            ComposeFile = compose,
            Settings = new()
            {
                Name = "launched",
                Environment = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("GREETING", "hi")]),
                InputsDirectory = files.Folder,
                Timeout = TimeSpan.FromSeconds(42),
                System = system,
                ResultsDirectory = files.Results(),
                StopGracePeriod = TimeSpan.FromSeconds(1),
                PullPolicy = PullPolicy.Never,
            },
        };

        var loaded = ExperienceRunner.Load(request);

        Assert.True(loaded.CanRun);
        var experience = loaded.Experience!;
        Assert.Equal(("launched", "hi", files.Folder, TimeSpan.FromSeconds(42)), (experience.Settings.Name, experience.Settings.Environment["GREETING"], experience.Settings.InputsDirectory, experience.Settings.Timeout));
        Assert.Equal((system, files.Results(), TimeSpan.FromSeconds(1), PullPolicy.Never), (experience.Settings.System, experience.Settings.ResultsDirectory, experience.Settings.StopGracePeriod, experience.Settings.PullPolicy));
        Assert.Equal(DiagnosticCodes.IgnoredKey, Assert.Single(loaded.Load.Warnings).Code);
    }

    [RequiresEngine]
    [Fact]
    public async Task A_passing_experience_passes_through_the_shared_launcher_with_the_load_warnings_in_its_result()
    {
        var compose = files.Write(Passing);
        var request = new ExperienceRequest
        {
            ComposeFile = compose,
            Settings = new()
            {
                Environment = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("GREETING", "hi")]),
                Timeout = TimeSpan.FromSeconds(30),
                ResultsDirectory = files.Results(),
                StopGracePeriod = TimeSpan.FromMilliseconds(300),
            },
        };

        var result = await ExperienceRunner.Shared.RunAsync(request, null, TestContext.Current.CancellationToken);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, $"{result.Reason} (if Docker is missing: {TestEngine.HowToGetOne})");
        Assert.Equal(files.Results(), result.ResultsDirectory);
        Assert.Contains("launched hi", RealEngine.Log(result, "test"));
        Assert.Equal(DiagnosticCodes.IgnoredKey, Assert.Single(result.Diagnostics).Code);
        await RealEngine.AssertNothingLeftAsync(result.RunId);
    }

    [RequiresEngine]
    [Fact]
    public async Task Two_experiences_at_once_share_the_one_Docker_runtime_and_both_pass()
    {
        var requests = Names.Select(n => new ExperienceRequest
        {
            ComposeFile = files.Write(Passing, $"{n}.yml"),
            Settings = new()
            {
                Timeout = TimeSpan.FromSeconds(30),
                ResultsDirectory = files.Results(n),
                StopGracePeriod = TimeSpan.FromMilliseconds(300),
            },
        });

        var results = await Task.WhenAll(requests.Select(r => ExperienceRunner.Shared.RunAsync(r, null, TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.True(r.Passed, r.Reason?.ToString()));
    }

    public void Dispose() => files.Dispose();
}
