using System.Collections.Immutable;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>How a resolved service becomes Docker's create request (R10-R13), checked without an engine and on it.</summary>
public sealed class CreateParametersTests
{
    private static readonly ContainerSpec Spec = new()
    {
        RunId = "r1",
        Service = "robot",
        Name = "resim-r1-robot",
        Image = "robot:1",
        Entrypoint = ["/bin/robot"],
        Command = ["--fast"],
        WorkingDir = "/work",
        Environment = ImmutableSortedDictionary<string, string>.Empty.Add("A", "1").Add("B", "x=y"),
        Labels = ImmutableSortedDictionary<string, string>.Empty.Add(RunLabels.Run, "r1"),
        Healthcheck = new HealthCheckSpec
        {
            Test = ["CMD", "true"], Interval = TimeSpan.FromMilliseconds(1500), Timeout = TimeSpan.FromSeconds(2), Retries = 4, StartPeriod = TimeSpan.FromSeconds(3),
        },
        Mounts =
        [
            new MountSpec(MountKind.Volume, "resim-r1-data", "/data", ReadOnly: false),
            new MountSpec(MountKind.Bind, "/host/inputs", "/tmp/resim/inputs", ReadOnly: true),
            new MountSpec(MountKind.Tmpfs, string.Empty, "/scratch", ReadOnly: false),
        ],
        NetworkNamespaceOf = "sandbox-id",
        Limits = new ContainerLimits(Cpus: 1.5, MemoryBytes: 512L * 1024 * 1024, Pids: 64),
        GpuDeviceIds = ["0", "2"],
        GpuDriver = "nvidia",
    };

    [Fact]
    public void R12_a_service_joins_the_sandbox_network_and_PID_namespaces_and_gets_no_restart_policy_from_docker()
    {
        var request = CreateParameters.ForService(Spec);

        Assert.Equal("container:sandbox-id", request.HostConfig!.NetworkMode);
        Assert.Equal("container:sandbox-id", request.HostConfig.PidMode);
        Assert.Null(request.HostConfig.RestartPolicy);
        Assert.Null(request.HostConfig.PortBindings);
        Assert.Equal(("resim-r1-robot", "robot:1", "/work"), (request.Name, request.Image, request.WorkingDir));
        Assert.Equal(["/bin/robot"], request.Entrypoint);
        Assert.Equal(["--fast"], request.Cmd);
        Assert.Equal(["A=1", "B=x=y"], request.Env);
        Assert.Equal("r1", request.Labels[RunLabels.Run]);
    }

    [Fact]
    public void R13_limits_become_nano_cpus_memory_and_pids_and_gpus_become_one_device_request_of_this_service_alone()
    {
        var host = CreateParameters.ForService(Spec).HostConfig!;

        Assert.Equal(1_500_000_000, host.NanoCPUs);
        Assert.Equal(512L * 1024 * 1024, host.Memory);
        Assert.Equal(64, host.PidsLimit);
        var gpu = Assert.Single(host.DeviceRequests);
        Assert.Equal("nvidia", gpu.Driver);
        Assert.Equal(["0", "2"], gpu.DeviceIDs);
        Assert.Equal(0, gpu.Count);
        Assert.Equal(["gpu"], Assert.Single(gpu.Capabilities));
    }

    [Fact]
    public void R10_R11_mounts_keep_their_kind_source_target_and_read_only_flag()
    {
        var mounts = CreateParameters.ForService(Spec).HostConfig!.Mounts!;

        Assert.Equal(
            [("volume", "resim-r1-data", "/data", false), ("bind", "/host/inputs", "/tmp/resim/inputs", true), ("tmpfs", (string?)null, "/scratch", false)],
            mounts.Select(m => (m.Type, m.Source, m.Target, m.ReadOnly ?? false)));
    }

    [Fact]
    public void Image_defaults_stay_when_the_service_sets_no_entrypoint_command_limits_or_gpus()
    {
        var request = CreateParameters.ForService(Spec with { Entrypoint = null, Command = null, WorkingDir = null, Limits = ContainerLimits.None, GpuDeviceIds = [], Healthcheck = null });

        Assert.Null(request.Entrypoint);
        Assert.Null(request.Cmd);
        Assert.Equal(string.Empty, request.WorkingDir);
        Assert.Null(request.Healthcheck);
        Assert.Equal((0L, 0L, (long?)null), (request.HostConfig!.NanoCPUs, request.HostConfig.Memory, request.HostConfig.PidsLimit));
        Assert.Null(request.HostConfig.DeviceRequests);
    }

    [Fact]
    public void A_disabled_healthcheck_becomes_NONE()
    {
        var check = CreateParameters.Healthcheck(new HealthCheckSpec { Test = ["CMD", "true"], Interval = TimeSpan.FromSeconds(1), IsDisabled = true });

        Assert.Equal(["NONE"], check.Test);
        Assert.Null(check.Interval);
    }

    [RequiresEngine]
    [Fact]
    public async Task On_the_engine_healthcheck_durations_arrive_in_nanoseconds_and_limits_and_gpu_requests_as_given()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var spec = run.Service("robot", sandbox, "true") with
        {
            Healthcheck = Spec.Healthcheck,
            Limits = Spec.Limits,
            GpuDeviceIds = Spec.GpuDeviceIds,
            GpuDriver = Spec.GpuDriver,
        };

        var id = await run.Runtime.CreateContainerAsync(spec, DockerTestRun.Token);

        // The CLI prints the engine's nanosecond durations as Go durations; a unit mix-up would show as 1.5ns or 1500000s.
        Assert.Equal("1.5s 2s 3s 4", await DockerTestRun.InspectAsync(
            id, "{{.Config.Healthcheck.Interval}} {{.Config.Healthcheck.Timeout}} {{.Config.Healthcheck.StartPeriod}} {{.Config.Healthcheck.Retries}}"));
        Assert.Equal("1500000000 536870912 64", await DockerTestRun.InspectAsync(id, "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}"));
        if (run.Info.Engine == "Podman")
        {
            // Podman's Docker API ignores device requests; GPUs go to it as CDI devices, which its inspect does not show
            // and which it resolves at start: this machine has no CDI specification, so the start names what arrived.
            var start = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => run.Runtime.StartContainerAsync(id, DockerTestRun.Token));
            Assert.Contains("nvidia.com/gpu=0", start.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("nvidia [0 2] [[gpu]]", await DockerTestRun.InspectAsync(
                id, "{{range .HostConfig.DeviceRequests}}{{.Driver}} {{.DeviceIDs}} {{.Capabilities}}{{end}}"));
        }

        Assert.Equal("container:" + sandbox, await DockerTestRun.InspectAsync(id, "{{.HostConfig.NetworkMode}}"));
        Assert.Equal("container:" + sandbox, await DockerTestRun.InspectAsync(id, "{{.HostConfig.PidMode}}"));
        var restart = await DockerTestRun.InspectAsync(id, "{{.HostConfig.RestartPolicy.Name}}");
        Assert.True(restart is "" or "no", $"Docker must not restart services itself (R17), policy was '{restart}'");
    }
}
