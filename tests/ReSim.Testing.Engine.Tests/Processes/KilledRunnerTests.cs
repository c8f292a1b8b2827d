using System.Diagnostics;
using System.Globalization;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Docker;
using ReSim.Testing.Engine.Tests.Rules;

namespace ReSim.Testing.Engine.Tests.Processes;

/// <summary>
/// A runner killed with SIGKILL leaves nothing running: its sandbox's hold closes with the process, the sandbox ends, and the
/// kernel kills every service in the PID namespace they share. No later run, no sweep, no helper image is involved.
/// </summary>
[RequiresEngine]
public sealed class KilledRunnerTests
{
    private const string BusyExperience = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            labels: { resim.ai/isTestOrchestrator: "true", {{RunnerProcess.MarkerLabel}}: "@MARKER@" }
            command: ["sh", "-c", "sleep 300"]
          busy:
            image: {{TestEngine.Image}}
            labels: { {{RunnerProcess.MarkerLabel}}: "@MARKER@" }
            command: ["sh", "-c", "while :; do :; done"]
        """;

    [Fact]
    public async Task Within_10_s_of_a_kill_9_of_its_runner_every_container_of_the_run_has_stopped_by_itself()
    {
        await using var runner = RunnerProcess.Start(BusyExperience, timeoutSeconds: 300);
        var runId = await runner.RunIdOnceRunningAsync("busy", TimeSpan.FromSeconds(90));
        Assert.Equal(3, (await RunnerProcess.RunningAsync(runId)).Length);

        var killedAt = DateTimeOffset.UtcNow;
        runner.Process.Kill();
        await runner.Process.WaitForExitAsync(RealEngine.Token);
        var clock = Stopwatch.StartNew();
        while ((await RunnerProcess.RunningAsync(runId)).Length > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, RealEngine.Token);
        }

        var running = await RunnerProcess.RunningAsync(runId);

        // The engine's own record, which a sweep removing the objects cannot change: each container died once, the
        // sandbox by its own exit (0) and the services by the kernel's SIGKILL (137), all within 10 s of the kill.
        // The engine's event log can lag behind its state under load (Podman writes an exit's event when it has cleaned
        // the container up), so it is read until the three exits are in it, for at most 20 s; their times are the engine's.
        await using var probe = await DockerTestRun.StartAsync();
        var engine = probe.Info.Engine == EngineCapabilities.Podman.Name ? EngineCapabilities.Podman : EngineCapabilities.Docker;
        var deaths = await DeathsAsync(runId, killedAt, engine);
        for (var read = Stopwatch.StartNew(); deaths.Length < 3 && read.Elapsed < TimeSpan.FromSeconds(20); deaths = await DeathsAsync(runId, killedAt, engine))
        {
            await Task.Delay(500, RealEngine.Token);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, deaths.Select(d => $"{d.Name} exited {d.ExitCode} {d.After.TotalMilliseconds:0} ms after the kill")));
        Assert.True(running.Length == 0, $"still running 10 s after the kill: {string.Join(", ", running)}");
        Assert.Equal([("sandbox", "0"), ("service busy", "137"), ("service test", "137")], deaths.Select(d => (d.Name, d.ExitCode)).Order());
        Assert.All(deaths, d => Assert.True(d.After < TimeSpan.FromSeconds(10), $"{d.Name} ran {d.After} after its runner was killed"));
    }

    private static async Task<(string Name, string ExitCode, TimeSpan After)[]> DeathsAsync(string runId, DateTimeOffset killedAt, EngineCapabilities engine)
    {
        var (exitCode, events, error) = await DockerCli.RunAsync(
            "events", "--since", killedAt.AddSeconds(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "--until", DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "--filter", $"label={RunLabels.Run}={runId}", "--filter", $"event={engine.EventFilterActions.Single(a => a.StartsWith("die", StringComparison.Ordinal))}", // Podman's filter says `died`
            "--format", $"{{{{.TimeNano}}}}|{{{{index .Actor.Attributes \"{RunLabels.Role}\"}}}} {{{{index .Actor.Attributes \"{RunLabels.Service}\"}}}}|{{{{.Actor.Attributes.exitCode}}}}");
        Assert.True(exitCode == 0, error);
        return [.. events.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|')).Select(parts => (
            parts[1].Trim(),
            parts[2],
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[0], CultureInfo.InvariantCulture) / 1_000_000) - killedAt))];
    }
}
