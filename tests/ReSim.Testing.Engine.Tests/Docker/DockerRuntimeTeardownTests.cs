using System.Collections.Immutable;
using System.Diagnostics;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R19 and R22 on the engine: samples, stopping with a grace period, removing a run, and orphans of dead owners.</summary>
[RequiresEngine]
public sealed class DockerRuntimeTeardownTests
{
    [Fact]
    public async Task R22_a_busy_container_samples_with_a_growing_cpu_total_and_memory_and_a_stopped_one_gives_no_sample()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("busy");
        var busy = await run.StartServiceAsync(run.Service("busy", sandbox, "while :; do :; done"));

        var first = await run.Runtime.SampleAsync(busy, DockerTestRun.Token);
        await Task.Delay(500, DockerTestRun.Token);
        var second = await run.Runtime.SampleAsync(busy, DockerTestRun.Token);

        Assert.NotNull(first);
        Assert.NotNull(second);
        // Busy, but on a shared CI machine a busy loop may get little of a CPU: only "some" is asserted here (R22MetricsTests measures).
        Assert.True(second.CpuTime > first.CpuTime, $"CPU time {first.CpuTime} then {second.CpuTime}");
        Assert.InRange(second.MemoryBytes, 1, 64L * 1024 * 1024);
        Assert.True(second.Time > first.Time);

        await run.Runtime.StopContainerAsync(busy, TimeSpan.FromMilliseconds(200), DockerTestRun.Token);
        Assert.Null(await run.Runtime.SampleAsync(busy, DockerTestRun.Token));
    }

    [Fact]
    public async Task R19_stop_sends_SIGTERM_first_so_a_container_that_handles_it_exits_cleanly()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("polite");
        var polite = await run.StartServiceAsync(run.Service("polite", sandbox, "trap 'echo bye; exit 0' TERM; while :; do sleep 0.1; done"));
        await Task.Delay(300, DockerTestRun.Token);

        await run.Runtime.StopContainerAsync(polite, TimeSpan.FromSeconds(5), DockerTestRun.Token);

        Assert.Equal("0", await DockerTestRun.InspectAsync(polite, "{{.State.ExitCode}}"));
        Assert.Contains(await run.LogsAsync(polite), l => l.Text == "bye");
    }

    [Fact]
    public async Task R19_stop_kills_a_container_that_ignores_SIGTERM_once_the_grace_period_is_over()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("stubborn");
        var stubborn = await run.StartServiceAsync(run.Service("stubborn", sandbox, "trap '' TERM; while :; do sleep 0.1; done"));
        await Task.Delay(300, DockerTestRun.Token);
        var clock = Stopwatch.StartNew();

        await run.Runtime.StopContainerAsync(stubborn, TimeSpan.FromMilliseconds(500), DockerTestRun.Token);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(4));
        Assert.Equal("137", await DockerTestRun.InspectAsync(stubborn, "{{.State.ExitCode}}"));
        await run.Runtime.StopContainerAsync(stubborn, TimeSpan.FromMilliseconds(500), DockerTestRun.Token);
    }

    [Fact]
    public async Task R19_removing_a_run_leaves_nothing_with_its_label_and_can_be_repeated()
    {
        await using var run = await DockerTestRun.StartAsync();
        await run.Runtime.CreateVolumeAsync(new VolumeSpec($"resim-{run.RunId}-data", run.Labels("volume")), DockerTestRun.Token);
        var sandbox = await run.SandboxAsync("writer", "idle");
        var writer = run.Service("writer", sandbox, "echo hi > /data/file; sleep 30") with
        {
            Mounts = [new MountSpec(MountKind.Volume, $"resim-{run.RunId}-data", "/data", ReadOnly: false), new MountSpec(MountKind.Tmpfs, string.Empty, "/scratch", ReadOnly: false)],
        };
        await run.StartServiceAsync(writer);
        await run.Runtime.CreateContainerAsync(run.Service("idle", sandbox, "sleep 30"), DockerTestRun.Token);
        Assert.NotEqual(string.Empty, await run.LeftoversAsync());

        await run.Runtime.RemoveRunAsync(run.RunId, DockerTestRun.Token);
        Assert.Equal(string.Empty, await run.LeftoversAsync());
        await run.Runtime.RemoveRunAsync(run.RunId, DockerTestRun.Token);
    }

    [Fact]
    public async Task The_sweep_removes_every_object_of_a_run_whose_owner_is_gone_and_nothing_of_a_live_run_R19()
    {
        await using var live = await DockerTestRun.StartAsync();
        await using var dead = await DockerTestRun.StartAsync();
        var sandbox = await live.SandboxAsync("user");
        var service = await live.StartServiceAsync(live.Service("user", sandbox, "sleep 60"));
        await live.Runtime.CreateVolumeAsync(new VolumeSpec($"resim-{live.RunId}-alive", live.Labels("volume")), DockerTestRun.Token);
        await dead.LeaveBehindAsync(services: 2);
        Assert.Equal(5, (await dead.LeftoversAsync()).Split('\n').Length);
        await Task.Delay(DockerTestRun.SweepGrace, DockerTestRun.Token);
        await using var sweeper = DockerTestRun.Sweeper();
        await sweeper.ConnectAsync(DockerTestRun.Token);

        // No count is asserted: another sweep may remove the same orphans first, which is correct behaviour.
        await sweeper.RemoveOrphansAsync(DockerTestRun.Token);

        // A sweep leaves what another sweep is still removing to it, so that one may finish just after this one returns.
        var left = await dead.LeftoversAsync();
        for (var i = 0; i < 50 && left.Length > 0; i++)
        {
            await Task.Delay(100, DockerTestRun.Token);
            left = await dead.LeftoversAsync();
        }

        Assert.Equal(string.Empty, left);
        Assert.Equal("true true", $"{await DockerTestRun.InspectAsync(sandbox, "{{.State.Running}}")} {await DockerTestRun.InspectAsync(service, "{{.State.Running}}")}");
        var (_, kept, _) = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label={RunLabels.Run}={live.RunId}");
        Assert.Equal($"resim-{live.RunId}-alive", kept.Trim());
    }

    [Fact]
    public async Task A_sandbox_created_and_not_yet_started_is_kept_for_the_grace_period_then_removed_R19()
    {
        await using var run = await DockerTestRun.StartAsync();
        var labels = run.Labels("sandbox").SelectMany(label => new[] { "--label", $"{label.Key}={label.Value}" });
        var (created, _, error) = await DockerCli.RunAsync(["create", .. labels, "--name", run.NameOf("sandbox"), TestImages.Busybox, "true"]);
        Assert.True(created == 0, error);
        await using var sweeper = DockerTestRun.Sweeper();
        await sweeper.ConnectAsync(DockerTestRun.Token);

        await sweeper.RemoveOrphansAsync(DockerTestRun.Token);
        var young = await run.LeftoversAsync();
        await Task.Delay(DockerTestRun.SweepGrace, DockerTestRun.Token);
        await sweeper.RemoveOrphansAsync(DockerTestRun.Token);

        Assert.NotEqual(string.Empty, young);
        Assert.Equal(string.Empty, await run.LeftoversAsync());
    }
}
