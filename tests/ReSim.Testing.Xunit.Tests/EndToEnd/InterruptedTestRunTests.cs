using System.Text;
using ReSim.Testing.TestKit;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>
/// Ctrl+C and SIGTERM on a real `dotnet test` of a sample: every container and volume of the running experience is gone
/// within a few seconds, and the test host ends after that, not before, whichever process got the signal.
/// </summary>
[EndToEnd]
public sealed class InterruptedTestRunTests(SampleBuilds samples) : IClassFixture<SampleBuilds>
{
    [RequiresEngine]
    [Theory]
    [InlineData("INT", "group")]
    [InlineData("TERM", "group")]
    [InlineData("INT", "dotnet")]
    [InlineData("TERM", "dotnet")]
    [InlineData("TERM", "host")]
    public async Task A_signal_ends_the_running_experience_and_the_test_host_exits_only_after_its_objects_are_removed_R19(string signal, string target)
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);
        // setsid: the run gets a process group of its own, as a terminal gives a command, so Ctrl+C can be sent to it alone.
        using var dotnet = ProcessRunner.Start(
            "setsid",
            ["dotnet", "test", "--project", SampleBuilds.Project("FailingExperience"), "--no-build", "--artifacts-path", samples.ArtifactsPath,
                "--", "--explicit", "only", "--filter-method", "*Runs_until_interrupted"],
            SampleBuilds.RepositoryRoot,
            redirect: true);
        var output = new StringBuilder();
        dotnet.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        dotnet.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        dotnet.BeginOutputReadLine();
        dotnet.BeginErrorReadLine();
        try
        {
            var (runId, host) = await Interruption.RunningExperienceAsync(dotnet, "stuck-node", () => Text(output), TestContext.Current.CancellationToken);

            var outcome = await Interruption.SignalAndWatchAsync(
                signal, target switch { "group" => -dotnet.Id, "dotnet" => dotnet.Id, _ => host }, runId, host, TestContext.Current.CancellationToken);

            TestContext.Current.TestOutputHelper?.WriteLine($"SIG{signal} to {target}: {outcome}");
            Assert.True(outcome.Left.Length == 0, $"after {Interruption.FewSeconds} the run still had {outcome.Left}\n{Text(output)}");
            Assert.False(outcome.OwnerEndedFirst, $"the test host ended before the run was removed\n{Text(output)}");
            Assert.False(outcome.OwnerAlive, $"the test host still ran {Interruption.FewSeconds} after the run was removed\n{Text(output)}");
        }
        finally
        {
            if (!dotnet.HasExited)
            {
                dotnet.Kill(entireProcessTree: true);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
