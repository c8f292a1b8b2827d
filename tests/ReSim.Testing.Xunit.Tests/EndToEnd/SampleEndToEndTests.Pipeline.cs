using System.Text.RegularExpressions;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>`dotnet test` with a pipeline's environment variables: added variables reach the services, and the keep switch leaves the containers and says how to remove them.</summary>
public sealed partial class SampleEndToEndTests
{
    [RequiresEngine]
    [Fact]
    public async Task RESIM_KEEP_CONTAINERS_and_RESIM_ENVIRONMENT_reach_the_experience_and_the_printed_command_removes_what_was_kept()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);
        var variables = new Dictionary<string, string> { ["RESIM_KEEP_CONTAINERS"] = "1", ["RESIM_ENVIRONMENT"] = "SCENARIO=from-pipeline;RIG=bench-2" };

        var (exitCode, output, results) = await samples.TestAsync("OneClass", ["--filter-method", "*Tunnel"], variables, TestContext.Current.CancellationToken);

        var result = Trx.Load(results)["OneClass.Tests.ScenarioTests.Tunnel"];
        Assert.True(exitCode == 0 && result.Outcome == "Passed", $"{output}\n{result.StdOut}");
        var runId = RunIdPattern().Match(result.StdOut).Groups[1].Value;
        Assert.Contains($"orchestrator kept (resim-{runId}-orchestrator)", result.StdOut);
        var command = RemoveCommand().Match(result.StdOut).Groups[1].Value;
        Assert.Equal($"docker rm -f resim-{runId}-orchestrator && docker rm -f resim-{runId}_sandbox", command);
        // The orchestrator had exited at the verdict: its log is read to the end, so there is no gap, no warning and no
        // line about where a kept log ends (those are for containers still running; ExperienceTestExecutorTests).
        Assert.DoesNotContain("is not whole", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("ends where its container was kept", result.StdOut, StringComparison.Ordinal);
        var log = File.ReadAllText(Attached(results, "experience-orchestrator-container.log.txt").First());
        Assert.DoesNotContain("=== GAP", log, StringComparison.Ordinal);
        // The attribute's own SCENARIO wins; the pipeline's RIG is added.
        Assert.Contains("scenario tunnel: done", log);
        var (_, environment) = await ProcessRunner.RunAsync("docker", ["inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", $"resim-{runId}-orchestrator"], Path.GetTempPath(), TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Contains("RIG=bench-2", environment.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("SCENARIO=tunnel", environment.Split('\n', StringSplitOptions.TrimEntries));

        var (removed, removal) = await ProcessRunner.RunAsync("sh", ["-c", command], Path.GetTempPath(), TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(removed == 0, removal);
        Assert.Equal(string.Empty, await DockerEngine.ObjectsOfRunAsync(runId, TestContext.Current.CancellationToken));
    }

    [GeneratedRegex(@"experience kept \(remove with: (.+)\)\r?$", RegexOptions.Multiline)]
    private static partial Regex RemoveCommand();
}
