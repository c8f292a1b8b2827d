using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>What the engine refuses becomes an infrastructure error that names the service and gives the engine's reason.</summary>
[RequiresEngine]
public sealed class DockerRuntimeErrorTests
{
    [Fact]
    public async Task R11_a_bind_mount_of_a_missing_host_folder_is_an_infrastructure_error_naming_the_service()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var spec = run.Service("robot", sandbox, "true") with
        {
            Mounts = [new MountSpec(MountKind.Bind, "/nonexistent/resim-inputs", "/tmp/resim/inputs", ReadOnly: true)],
        };

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => run.Runtime.CreateContainerAsync(spec, DockerTestRun.Token));

        Assert.Contains("create the container of service 'robot'", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/resim-inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R13_a_gpu_request_the_engine_cannot_serve_fails_at_start_naming_the_service_and_the_engines_reason()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("trainer");
        var spec = run.Service("trainer", sandbox, "true") with { GpuDeviceIds = ["0"], GpuDriver = "resim-no-such-driver" };
        var id = await run.Runtime.CreateContainerAsync(spec, DockerTestRun.Token);

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => run.Runtime.StartContainerAsync(id, DockerTestRun.Token));

        Assert.Contains("start the container of service 'trainer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("resim-no-such-driver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_may_use_the_same_service_names_at_once_without_colliding()
    {
        await using var first = await DockerTestRun.StartAsync();
        await using var second = await DockerTestRun.StartAsync();

        var sandboxes = await Task.WhenAll(first.SandboxAsync("robot"), second.SandboxAsync("robot"));
        var robots = await Task.WhenAll(
            first.StartServiceAsync(first.Service("robot", sandboxes[0], "exec httpd -f -p 8080 -h /")),
            second.StartServiceAsync(second.Service("robot", sandboxes[1], "exec httpd -f -p 8080 -h /")));
        await Task.Delay(300, DockerTestRun.Token);

        Assert.Equal("true", await DockerTestRun.InspectAsync(robots[0], "{{.State.Running}}"));
        Assert.Equal("true", await DockerTestRun.InspectAsync(robots[1], "{{.State.Running}}"));
        await first.Runtime.RemoveRunAsync(first.RunId, DockerTestRun.Token);
        Assert.Equal("true", await DockerTestRun.InspectAsync(robots[1], "{{.State.Running}}"));
    }
}
