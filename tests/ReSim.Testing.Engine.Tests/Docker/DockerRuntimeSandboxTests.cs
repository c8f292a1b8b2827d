using System.Diagnostics;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R12: one network namespace per experience, held by the offline sandbox; service names resolve to 127.0.0.1.</summary>
[RequiresEngine]
public sealed class DockerRuntimeSandboxTests
{
    private const string Server = "mkdir -p /www && echo pong > /www/index.html && exec httpd -f -p 8080 -h /www";

    [Fact]
    public async Task R12_services_in_the_sandbox_reach_each_other_by_service_name_on_127_0_0_1()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("server", "client");
        await run.StartServiceAsync(run.Service("server", sandbox, Server));

        var client = await run.StartServiceAsync(run.Service(
            "client",
            sandbox,
            "grep -w server /etc/hosts; for i in $(seq 50); do wget -q -O - http://server:8080/index.html && exit 0; sleep 0.1; done; exit 1"));
        var lines = await run.LogsAsync(client);

        Assert.Equal(0, await DockerTestRun.ExitCodeAsync(client));
        Assert.Contains(lines, line => line.Text.StartsWith("127.0.0.1", StringComparison.Ordinal) && line.Text.Contains("server", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Text == "pong");
    }

    [Fact]
    public async Task R12_a_second_listener_on_a_port_already_in_use_fails_with_address_already_in_use()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("server", "clash");
        var server = await run.StartServiceAsync(run.Service("server", sandbox, Server));
        await WaitUntilListeningAsync(run, sandbox);

        var clash = await run.StartServiceAsync(run.Service("clash", sandbox, "exec httpd -f -p 8080 -h /"));
        var lines = await run.LogsAsync(clash);

        Assert.NotEqual(0, await DockerTestRun.ExitCodeAsync(clash));
        Assert.Contains(lines, line => line.Text.Contains("Address already in use", StringComparison.Ordinal));
        Assert.Equal("true", await DockerTestRun.InspectAsync(server, "{{.State.Running}}"));
    }

    [Fact]
    public async Task R12_the_sandbox_runs_the_offline_image_publishes_nothing_and_stops_promptly_on_SIGTERM()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");

        Assert.Equal("true", await DockerTestRun.InspectAsync(sandbox, "{{.State.Running}}"));
        // Podman files images made on it under localhost/, as it does those loaded with `podman load`.
        var repository = run.Info.Engine == "Podman" ? "localhost/resim-testing/sandbox:" : "resim-testing/sandbox:";
        Assert.StartsWith(repository, await DockerTestRun.InspectAsync(sandbox, "{{.Config.Image}}"), StringComparison.Ordinal);
        Assert.Equal("true", await DockerTestRun.InspectAsync(sandbox, "{{.HostConfig.Init}}"));
        // Podman 4.3 reports StdinOnce false whatever was asked, yet closes the sandbox's standard input when its one
        // attached client goes, as StdinOnce means (KilledRunnerTests checks that behaviour on both engines).
        Assert.Equal(run.Info.Engine == "Podman" ? "true false" : "true true", await DockerTestRun.InspectAsync(sandbox, "{{.Config.OpenStdin}} {{.Config.StdinOnce}}"));
        Assert.Equal("[robot:127.0.0.1]", await DockerTestRun.InspectAsync(sandbox, "{{.HostConfig.ExtraHosts}}"));
        Assert.Equal("map[]", await DockerTestRun.InspectAsync(sandbox, "{{.HostConfig.PortBindings}}"));
        Assert.Equal("false", await DockerTestRun.InspectAsync(sandbox, "{{.HostConfig.PublishAllPorts}}"));
        var (_, ports, _) = await DockerCli.RunAsync("port", sandbox);
        Assert.Equal(string.Empty, ports.Trim());

        var clock = Stopwatch.StartNew();
        await run.Runtime.StopContainerAsync(sandbox, TimeSpan.FromSeconds(5), DockerTestRun.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the sandbox took {clock.Elapsed} to stop on SIGTERM");
        Assert.Equal("false", await DockerTestRun.InspectAsync(sandbox, "{{.State.Running}}"));
    }

    private static async Task WaitUntilListeningAsync(DockerTestRun run, string sandbox)
    {
        var probe = await run.StartServiceAsync(run.Service(
            "probe", sandbox, "for i in $(seq 50); do wget -q -O /dev/null http://127.0.0.1:8080/index.html && exit 0; sleep 0.1; done; exit 1"));
        Assert.Equal(0, await DockerTestRun.ExitCodeAsync(probe));
    }
}
