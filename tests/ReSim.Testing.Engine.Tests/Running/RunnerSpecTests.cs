using System.Collections.Immutable;
using System.Text.Json;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>What the runner asks the runtime to create: environment, mounts, sandbox, volumes, GPUs, labels, order (R8-R14).</summary>
public sealed class RunnerSpecTests : IAsyncLifetime
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task Experience_environment_wins_over_the_compose_file_and_is_set_in_every_service_R9()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        var test = Orchestrator("test") with { Environment = Env(("A", "compose"), ("B", "compose")) };
        var experience = scenario.Experience(test, Service("robot")).WithSettings(s => s with { Environment = Env(("B", "experience"), ("C", "experience")) });

        await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(Env(("A", "compose"), ("B", "experience"), ("C", "experience")), scenario.Runtime.SpecOf("test").Environment);
        Assert.Equal(Env(("B", "experience"), ("C", "experience")), scenario.Runtime.SpecOf("robot").Environment);
    }

    [Fact]
    public async Task Every_container_mounts_inputs_read_only_outputs_read_write_and_the_test_config_R11()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(scenario.ResultsDirectory, "..", Guid.NewGuid().ToString("N"))).FullName;
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        try
        {
            var result = await scenario.RunAsync(scenario.Experience(Orchestrator("test"), Service("robot")).WithSettings(s => s with { InputsDirectory = inputs }), TestContext.Current.CancellationToken);

            foreach (var spec in scenario.Runtime.Containers)
            {
                Assert.Contains(new MountSpec(MountKind.Bind, inputs, "/tmp/resim/inputs", ReadOnly: true), spec.Mounts);
                Assert.Contains(new MountSpec(MountKind.Bind, result.OutputsDirectory, "/tmp/resim/outputs", ReadOnly: false), spec.Mounts);
                var config = Assert.Single(spec.Mounts, m => m.Target == "/tmp/resim/test_config.json");
                Assert.True(config.ReadOnly);
                using var json = JsonDocument.Parse(File.ReadAllText(config.Source));
                Assert.Equal("/tmp/resim/inputs", json.RootElement.GetProperty("experienceLocation").GetString());
            }
        }
        finally
        {
            Directory.Delete(inputs);
        }
    }

    [Fact]
    public async Task Without_an_inputs_folder_an_empty_one_is_mounted_R11()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        await scenario.RunAsync(Orchestrator("test"));

        var inputs = Assert.Single(scenario.Runtime.SpecOf("test").Mounts, m => m.Target == "/tmp/resim/inputs");
        Assert.Empty(Directory.EnumerateFileSystemEntries(inputs.Source));
    }

    [Fact]
    public async Task Named_volumes_are_created_for_the_run_alone_and_mounted_by_their_run_name_R10()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        var test = Orchestrator("test") with { Volumes = [new VolumeMount(VolumeMountType.Volume, "data", "/data")] };
        var robot = Service("robot") with { Volumes = [new VolumeMount(VolumeMountType.Volume, "data", "/shared", ReadOnly: true)] };

        var result = await scenario.RunAsync(test, robot);

        var volume = Assert.Single(scenario.Runtime.Volumes);
        Assert.Equal($"resim-{result.RunId}-data", volume.Name);
        Assert.Equal(result.RunId, volume.Labels[RunLabels.Run]);
        Assert.Contains(new MountSpec(MountKind.Volume, volume.Name, "/data", false), scenario.Runtime.SpecOf("test").Mounts);
        Assert.Contains(new MountSpec(MountKind.Volume, volume.Name, "/shared", true), scenario.Runtime.SpecOf("robot").Mounts);
    }

    [Fact]
    public async Task The_sandbox_resolves_every_service_name_and_every_container_joins_it_R12()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        Assert.Equal(["test", "robot"], scenario.Runtime.Sandbox!.HostNames);
        Assert.Equal("sandbox", scenario.Runtime.Sandbox.Labels[RunLabels.Role]);
        Assert.All(scenario.Runtime.Containers, c => Assert.Equal("sandbox-id", c.NetworkNamespaceOf));
        Assert.Equal([$"resim-{result.RunId}-test", $"resim-{result.RunId}-robot"], scenario.Runtime.Containers.Select(c => c.Name));
    }

    [Fact]
    public async Task Containers_carry_their_compose_labels_the_run_labels_and_their_role_and_service()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"));

        var labels = scenario.Runtime.SpecOf("test").Labels;
        Assert.Equal("true", labels[ServiceDefinition.OrchestratorLabel]);
        Assert.Equal("true", labels[RunLabels.Marker]);
        Assert.Equal(result.RunId, labels[RunLabels.Run]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), labels[RunLabels.OwnerProcess]);
        Assert.Equal(("service", "test"), (labels[RunLabels.Role], labels[RunLabels.Service]));
    }

    [Fact]
    public async Task Each_GPU_reservation_gets_its_own_devices_from_the_system_list_R13()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        var experience = scenario.Experience(Gpu(Orchestrator("test"), 1), Gpu(Service("sim"), 2), Service("robot")).WithSettings(s => s with { System = new SystemResources(4, 1L << 30, ["gpu0", "gpu1", "gpu2"]) });

        await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(["gpu0"], scenario.Runtime.SpecOf("test").GpuDeviceIds);
        Assert.Equal(["gpu1", "gpu2"], scenario.Runtime.SpecOf("sim").GpuDeviceIds);
        Assert.Empty(scenario.Runtime.SpecOf("robot").GpuDeviceIds);
        Assert.Equal("nvidia", scenario.Runtime.SpecOf("sim").GpuDriver);
    }

    [Fact]
    public async Task Reserving_more_GPUs_than_the_system_has_is_an_error_before_anything_is_created_R13()
    {
        var experience = scenario.Experience(Gpu(Orchestrator("test"), 1), Gpu(Service("sim"), 1)).WithSettings(s => s with { System = new SystemResources(4, 1L << 30, ["gpu0"]) });

        var result = await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("service 'sim' reserves 1 GPU(s) but only 0 are left", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("compose.yml(1,1)", result.Reason.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Runtime.Calls);
    }

    [Fact]
    public async Task Limits_entrypoint_command_working_dir_and_healthcheck_are_passed_on_R13()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        var health = new HealthcheckDefinition { Test = ["CMD-SHELL", "true"], Interval = TimeSpan.FromSeconds(1) };
        var test = Orchestrator("test") with
        {
            Entrypoint = ["sh", "-c"], Command = ["exit 0"], WorkingDir = "/work", Healthcheck = health,
            Resources = new ServiceResources(new ResourceLimits(0.5, 64L << 20, 100), ResourceReservations.None),
        };

        await scenario.RunAsync(test);

        var spec = scenario.Runtime.SpecOf("test");
        Assert.Equal(["sh", "-c"], spec.Entrypoint!.Value);
        Assert.Equal(["exit 0"], spec.Command!.Value);
        Assert.Equal("/work", spec.WorkingDir);
        Assert.Equal(["CMD-SHELL", "true"], spec.Healthcheck!.Test);
        Assert.Equal(TimeSpan.FromSeconds(1), spec.Healthcheck.Interval);
        Assert.Equal(new ContainerLimits(0.5, 64L << 20, 100), spec.Limits);
    }

    [Fact]
    public async Task Only_the_services_of_the_experience_profile_run_R8()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));
        var model = ComposeOf(Orchestrator("test"), Service("viz") with { Profiles = ["debug"] }, Service("sim") with { Profiles = ["sim"] }) with { Profile = "sim" };

        var result = await scenario.RunAsync(scenario.Experience() with { Compose = model }, TestContext.Current.CancellationToken);

        Assert.Equal(["test", "sim"], result.Services.Select(s => s.Name));
        Assert.DoesNotContain("create:viz", scenario.Runtime.Calls);
    }

    [Fact]
    public async Task The_event_stream_is_subscribed_before_any_start_and_all_services_start_together_R14()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(50).Exit(0));

        await scenario.RunAsync(Orchestrator("test", null, On("b")), Service("a", null, On("b")), Service("b"));

        var calls = scenario.Runtime.Calls.ToList();
        var starts = calls.Select((c, i) => (c, i)).Where(x => x.c.StartsWith("start:", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(3, starts.Count);
        Assert.True(calls.IndexOf("watch") < starts.Min(), string.Join(", ", calls));
        Assert.True(calls.FindLastIndex(c => c.StartsWith("create:", StringComparison.Ordinal)) < starts.Min());
    }

    private static ImmutableSortedDictionary<string, string> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static ServiceDefinition Gpu(ServiceDefinition service, int count) => service with
    {
        Resources = new ServiceResources(ResourceLimits.None, new ResourceReservations { Devices = [new DeviceRequest { Driver = "nvidia", Count = count, Capabilities = ["gpu"] }] }),
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
