using System.Globalization;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>KeepContainers on the real engine: the containers stay after the verdict, each is named, the printed command removes them, and a later run sweeps them once their owner is gone.</summary>
[RequiresEngine]
public sealed class KeepContainersTests : IAsyncDisposable
{
    private const string Robot = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            command: ["sh", "-c", "echo done > /data/marker; exit 0"]
            volumes: [shared:/data]
          robot:
            image: {{TestEngine.Image}}
            command: ["sleep", "600"]
            volumes: [shared:/data]
        volumes:
          shared: {}
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_kept_run_leaves_its_containers_running_names_each_and_its_remove_command_removes_everything()
    {
        await engine.EnsureEngineAsync();
        var observer = new LiveObserver();

        var result = await new ExperienceRunner(engine.Runtime).RunAsync(engine.Experience(Robot).WithSettings(s => s with { KeepContainers = true }), observer, RealEngine.Token);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var kept = observer.Changes.Where(c => c.Kind == "kept").ToList();
        Assert.Equal([$"resim-{result.RunId}-test", $"resim-{result.RunId}-robot"], kept.Where(c => c.Service is not null).Select(c => c.Detail));
        var command = Assert.Single(kept, c => c.Service is null).Detail!;
        Assert.Equal(
            $"remove with: docker rm -f resim-{result.RunId}-test resim-{result.RunId}-robot && docker rm -f resim-{result.RunId}_sandbox && docker volume rm resim-{result.RunId}-shared",
            command);
        Assert.Equal("true", (await DockerCli.RunAsync("inspect", "-f", "{{.State.Running}}", $"resim-{result.RunId}-robot")).StdOut.Trim());
        Assert.Equal("done", (await DockerCli.RunAsync("exec", $"resim-{result.RunId}-robot", "cat", "/data/marker")).StdOut.Trim());
        Assert.Equal("true", (await DockerCli.RunAsync("inspect", "-f", $"{{{{index .Config.Labels \"{RunLabels.Kept}\"}}}}", $"resim-{result.RunId}-robot")).StdOut.Trim());
        // The kept robot's log ends at the verdict on purpose, which is not a gap; the exited test's log is whole.
        Assert.All(result.Services, s => Assert.Empty(s.LogGaps));
        Assert.Null(RealEngine.Service(result, "test").LogKeptEnd);
        Assert.Contains("`docker logs` of the kept container has the rest", RealEngine.Service(result, "robot").LogKeptEnd, StringComparison.Ordinal);
        // The runtime let go of the kept run: its containers live on the engine only.
        Assert.Equal(0, engine.Runtime.TrackedContainers);

        var removal = await RunShellAsync(command["remove with: ".Length..]);
        Assert.True(removal.ExitCode == 0, removal.Output);
        await RealEngine.AssertNothingLeftAsync(result.RunId);
    }

    [Fact]
    public async Task A_kept_run_is_swept_by_a_later_run_once_its_owner_process_is_gone_and_not_before()
    {
        await engine.EnsureEngineAsync();
        var gone = "kept-" + Guid.NewGuid().ToString("N")[..8];
        var alive = "kept-" + Guid.NewGuid().ToString("N")[..8];
        await CreateKeptAsync(gone, await ExitedProcessIdAsync());
        await CreateKeptAsync(alive, Environment.ProcessId);
        try
        {
            // The sweep leaves runs younger than its grace alone (they may be being set up): a short grace, waited out. Never
            // zero: a zero-grace sweep on a shared engine would take other tests' runs between sandbox creation and start.
            await using var sweeper = DockerTestRun.Sweeper();
            await sweeper.ConnectAsync(RealEngine.Token);
            await Task.Delay(DockerTestRun.SweepGrace + TimeSpan.FromSeconds(1), RealEngine.Token);
            await sweeper.RemoveOrphansAsync(RealEngine.Token);

            Assert.Equal(string.Empty, await ObjectsOfRunAsync(gone));
            Assert.NotEqual(string.Empty, await ObjectsOfRunAsync(alive));
        }
        finally
        {
            await engine.Runtime.RemoveRunAsync(alive, RealEngine.Token);
            await engine.Runtime.RemoveRunAsync(gone, RealEngine.Token);
        }
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private static async Task CreateKeptAsync(string runId, int ownerPid)
    {
        // A kept run's sandbox keeps running after its owner is gone: that is what makes the kept containers outlive the test.
        var (exitCode, _, error) = await DockerCli.RunAsync(
            "run", "-d", "--label", $"{RunLabels.Marker}=true", "--label", $"{RunLabels.Run}={runId}", "--label", $"{RunLabels.Role}=sandbox",
            "--label", $"{RunLabels.OwnerProcess}={ownerPid.ToString(CultureInfo.InvariantCulture)}", "--label", $"{RunLabels.OwnerHost}={Environment.MachineName}",
            "--label", $"{RunLabels.Kept}=true", TestEngine.Image, "sleep", "600");
        Assert.True(exitCode == 0, error);
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        await process.WaitForExitAsync(RealEngine.Token);
        return process.Id;
    }

    private static async Task<string> ObjectsOfRunAsync(string runId) =>
        (await DockerCli.RunAsync("ps", "-aq", "--filter", $"label={RunLabels.Run}={runId}")).StdOut.Trim();

    private static async Task<(int ExitCode, string Output)> RunShellAsync(string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(RealEngine.Token);
        return (process.ExitCode, output);
    }
}
