using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>
/// Ctrl+C and SIGTERM on a real `dotnet test` of a sample: every container and volume of the running experience is gone
/// within a few seconds, and the test host ends after that, not before, whichever process got the signal.
/// </summary>
public sealed class InterruptedTestRunTests(SampleBuilds samples) : IClassFixture<SampleBuilds>
{
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(10);

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
            var (runId, host) = await RunningExperienceAsync(dotnet, output);

            await SendAsync(signal, target switch { "group" => -dotnet.Id, "dotnet" => dotnet.Id, _ => host });

            var clock = Stopwatch.StartNew();
            var hostEndedFirst = false;
            var left = await DockerEngine.ObjectsOfRunAsync(runId, TestContext.Current.CancellationToken);
            while (left.Length > 0 && clock.Elapsed < FewSeconds)
            {
                // Gone before a listing began that still shows objects: the host ended before the run was removed.
                var hostWasAlive = IsAlive(host);
                left = await DockerEngine.ObjectsOfRunAsync(runId, TestContext.Current.CancellationToken);
                hostEndedFirst |= !hostWasAlive && left.Length > 0;
            }

            var removedAfter = clock.Elapsed;
            while (IsAlive(host) && clock.Elapsed < removedAfter + FewSeconds)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"SIG{signal} to {target}: run removed after {removedAfter.TotalSeconds:0.00} s, test host gone after {clock.Elapsed.TotalSeconds:0.00} s"));
            Assert.True(left.Length == 0, $"after {FewSeconds} the run still had {left}\n{output}");
            Assert.False(hostEndedFirst, $"the test host ended before the run was removed\n{output}");
            Assert.False(IsAlive(host), $"the test host still ran {FewSeconds} after the run was removed\n{output}");
        }
        finally
        {
            if (!dotnet.HasExited)
            {
                dotnet.Kill(entireProcessTree: true);
            }
        }
    }

    // The run of this `dotnet test`: the one whose owner (the test host) descends from the dotnet process, once its node runs.
    private static async Task<(string RunId, int Host)> RunningExperienceAsync(Process dotnet, StringBuilder output)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(90);)
        {
            var (_, lines) = await ProcessRunner.RunAsync(
                "docker",
                ["ps", "--filter", "label=ai.resim.testing.service=stuck-node", "--format", "{{.Label \"ai.resim.testing.owner.pid\"}} {{.Label \"ai.resim.testing.run\"}}"],
                Path.GetTempPath(),
                TimeSpan.FromSeconds(60),
                TestContext.Current.CancellationToken);
            foreach (var parts in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')))
            {
                if (int.TryParse(parts[0], CultureInfo.InvariantCulture, out var owner) && DescendsFrom(owner, dotnet.Id))
                {
                    return (parts[1].Trim(), owner);
                }
            }

            Assert.False(dotnet.HasExited, $"dotnet test ended before its experience ran:\n{output}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"the experience of dotnet test did not start within 90 s:\n{output}");
    }

    private static bool DescendsFrom(int process, int ancestor)
    {
        for (var pid = process; pid > 1; pid = ParentOf(pid))
        {
            if (pid == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task SendAsync(string signal, int target)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(
            "kill", ["-s", signal, "--", target.ToString(CultureInfo.InvariantCulture)], Path.GetTempPath(), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, $"kill -s {signal} {target}: {output}");
    }
}
