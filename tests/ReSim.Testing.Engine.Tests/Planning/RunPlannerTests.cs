using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Runtime;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Planning;

/// <summary>The pure resolution of an experience into engine objects: names, mounts, validation (R5, R8, R10-R13).</summary>
public sealed class RunPlannerTests
{
    private static readonly RunPaths Paths = new("/results", "/results/outputs", "/inputs", "/results/.resim/test_config.json", "/results/timeline.jsonl", "/results/metrics.csv");

    private static readonly SystemResources FourCpus = new(4, 8L << 30, []);

    [Fact]
    public void A_service_named_sandbox_cannot_clash_with_the_sandbox_R12()
    {
        var plan = Plan(Orchestrator("sandbox"));

        Assert.Equal("resim-run1_sandbox", plan.Sandbox.Name);
        Assert.Equal("resim-run1-sandbox", plan.Containers[0].Name);
    }

    [Fact]
    public void Anonymous_volumes_get_a_run_volume_of_their_own_tmpfs_is_a_mount_and_host_binds_are_left_out_by_default_R10()
    {
        var service = Orchestrator("test") with
        {
            Volumes =
            [
                new VolumeMount(VolumeMountType.Volume, null, "/cache"),
                new VolumeMount(VolumeMountType.Tmpfs, null, "/scratch"),
                new VolumeMount(VolumeMountType.Bind, "/", "/host"),
                new VolumeMount(VolumeMountType.Bind, "/var/run/docker.sock", "/var/run/docker.sock"),
            ],
        };

        var plan = Plan(service);

        Assert.True(plan.IsValid, string.Join(Environment.NewLine, plan.Errors));
        Assert.Equal(["resim-run1-test_anonymous0"], plan.Volumes.Select(v => v.Name));
        Assert.Equal(
            [
                new MountSpec(MountKind.Volume, "resim-run1-test_anonymous0", "/cache", false),
                new MountSpec(MountKind.Tmpfs, string.Empty, "/scratch", false),
                new MountSpec(MountKind.Bind, "/inputs", "/tmp/resim/inputs", true),
                new MountSpec(MountKind.Bind, "/results/outputs", "/tmp/resim/outputs", false),
                new MountSpec(MountKind.Bind, "/results/.resim/test_config.json", "/tmp/resim/test_config.json", true),
            ],
            plan.Containers[0].Mounts);
    }

    [Fact]
    public void With_host_mounts_allowed_an_ordinary_folder_is_mounted_from_its_real_path_and_a_refused_one_is_a_plan_error_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("resim-planner-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
            File.CreateSymbolicLink(Path.Combine(folder, "link"), data);
            var service = Orchestrator("test") with
            {
                Volumes =
                [
                    new VolumeMount(VolumeMountType.Bind, Path.Combine(folder, "link"), "/data", ReadOnly: true),
                    new VolumeMount(VolumeMountType.Bind, "/proc/self/root", "/host"),
                ],
            };

            var plan = RunPlanner.Plan(new Experience { Compose = ComposeOf(service), Settings = new() { System = FourCpus, AllowHostMounts = true } }, "run1", Paths);

            Assert.Contains(new MountSpec(MountKind.Bind, data, "/data", true), plan.Containers[0].Mounts);
            Assert.DoesNotContain(plan.Containers[0].Mounts, m => m.Target == "/host");
            var error = Assert.Single(plan.Errors);
            Assert.Equal(
                "compose.yml(1,1): service 'test' cannot bind-mount the host path: '/proc/self/root' (which is '/') is the host's root folder, which is never mounted, "
                    + "even with host mounts allowed (AllowHostMounts). Give the data to the experience in its inputs folder (/tmp/resim/inputs) or a named volume instead.",
                error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Declared_volumes_carry_their_compose_labels_under_the_run_labels_R10()
    {
        var model = ComposeOf(Orchestrator("test")) with
        {
            Volumes = [new VolumeDefinition("data", new("compose.yml", 9, 3)) { Labels = Labels(("team", "sim"), (RunLabels.Run, "spoofed")) }],
        };

        var plan = RunPlanner.Plan(new Experience { Compose = model, Settings = new() { System = FourCpus } }, "run1", Paths);

        var volume = Assert.Single(plan.Volumes);
        Assert.Equal(("sim", "run1", "volume"), (volume.Labels["team"], volume.Labels[RunLabels.Run], volume.Labels[RunLabels.Role]));
    }

    [Fact]
    public void A_required_dependency_on_a_service_outside_the_profile_is_an_error_naming_both_R8()
    {
        var model = ComposeOf(Orchestrator("test", null, On("viz")), Service("viz") with { Profiles = ["debug"] });

        var plan = RunPlanner.Plan(new Experience { Compose = model, Settings = new() { System = FourCpus } }, "run1", Paths);

        Assert.Contains("service 'test' depends on 'viz', which does not run for profile '(none)' (R8)", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_that_leaves_no_service_is_an_error_R8()
    {
        var model = ComposeOf(Orchestrator("test") with { Profiles = ["sim"] }) with { Profile = "hil" };

        var plan = RunPlanner.Plan(new Experience { Compose = model, Settings = new() { System = FourCpus } }, "run1", Paths);

        Assert.Contains("no service runs for profile 'hil'", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void CPU_and_memory_reservations_beyond_the_system_are_errors_R13()
    {
        var plan = Plan(Reserve(Orchestrator("test"), 3, 6L << 30), Reserve(Service("sim"), 1.5, 3L << 30));

        Assert.Collection(
            plan.Errors,
            e => Assert.Contains("reserve 4.5 CPUs in total but the system has 4 (R13)", e, StringComparison.Ordinal),
            e => Assert.Contains("reserve 9216 MiB of memory in total but the system has 8192 MiB (R13)", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Reservations_that_use_the_whole_system_are_errors_as_the_loader_says_R13()
    {
        var plan = Plan(Reserve(Orchestrator("test"), 2, 4L << 30), Reserve(Service("sim"), 2, 4L << 30));

        Assert.Collection(
            plan.Errors,
            e => Assert.Contains("reserve 4 CPUs in total but the system has 4 (R13)", e, StringComparison.Ordinal),
            e => Assert.Contains("reserve 8192 MiB of memory in total but the system has 8192 MiB (R13)", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Reservations_just_under_the_whole_system_fit_R13()
    {
        Assert.True(Plan(Reserve(Orchestrator("test"), 2, 4L << 30), Reserve(Service("sim"), 1.9, (4L << 30) - 1)).IsValid);
    }

    [Fact]
    public void Every_field_of_the_compose_healthcheck_arrives_in_the_container_spec()
    {
        var healthcheck = new HealthcheckDefinition
        {
            Test = ["CMD", "curl", "-f", "http://localhost"],
            Interval = TimeSpan.FromMilliseconds(1500),
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 4,
            StartPeriod = TimeSpan.FromSeconds(3),
            StartInterval = TimeSpan.FromMilliseconds(250),
        };

        var spec = Plan(Orchestrator("test") with { Healthcheck = healthcheck }).Containers[0].Healthcheck!;

        Assert.Equal(["CMD", "curl", "-f", "http://localhost"], spec.Test);
        Assert.Equal(
            (TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(2), 4, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(250), false),
            (spec.Interval, spec.Timeout, spec.Retries, spec.StartPeriod, spec.StartInterval, spec.IsDisabled));
    }

    [Fact]
    public void A_compose_healthcheck_without_a_test_keeps_the_image_test_and_unset_fields_stay_unset()
    {
        var spec = Plan(Orchestrator("test") with { Healthcheck = new HealthcheckDefinition { Retries = 2 } }).Containers[0].Healthcheck!;

        Assert.Empty(spec.Test);
        Assert.Equal(
            ((TimeSpan?)null, (TimeSpan?)null, (int?)2, (TimeSpan?)null, (TimeSpan?)null, false),
            (spec.Interval, spec.Timeout, spec.Retries, spec.StartPeriod, spec.StartInterval, spec.IsDisabled));
    }

    [Fact]
    public void A_disabled_compose_healthcheck_arrives_disabled_with_no_test()
    {
        var healthcheck = new HealthcheckDefinition { Test = ["NONE"], Interval = TimeSpan.FromSeconds(5) };

        var spec = Plan(Orchestrator("test") with { Healthcheck = healthcheck }).Containers[0].Healthcheck!;

        Assert.True(spec.IsDisabled);
        Assert.Empty(spec.Test);
        Assert.Equal(TimeSpan.FromSeconds(5), spec.Interval);
    }

    [Fact]
    public void A_service_without_a_healthcheck_keeps_the_image_one()
    {
        Assert.Null(Plan(Orchestrator("test") with { Healthcheck = null }).Containers[0].Healthcheck);
    }

    [Fact]
    public void Every_compose_limit_arrives_in_the_container_spec_and_no_limits_stay_none_R13()
    {
        var limited = Orchestrator("test") with { Resources = new ServiceResources(new ResourceLimits(1.5, 512L << 20, 64), ResourceReservations.None) };
        var unlimited = Service("sim") with { Resources = new ServiceResources(ResourceLimits.None, ResourceReservations.None) };
        var partly = Service("viz") with { Resources = new ServiceResources(new ResourceLimits(MemoryBytes: 1L << 30), ResourceReservations.None) };

        var plan = Plan(limited, unlimited, partly);

        Assert.Equal(
            [new ContainerLimits(1.5, 512L << 20, 64), ContainerLimits.None, new ContainerLimits(MemoryBytes: 1L << 30)],
            plan.Containers.Select(c => c.Limits));
    }

    private static RunPlan Plan(params ServiceDefinition[] services) =>
        RunPlanner.Plan(new Experience { Compose = ComposeOf(services), Settings = new() { System = FourCpus } }, "run1", Paths);

    private static ServiceDefinition Reserve(ServiceDefinition service, double cpus, long memory) => service with
    {
        Resources = new ServiceResources(ResourceLimits.None, new ResourceReservations { Cpus = cpus, MemoryBytes = memory }),
    };

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, string> Labels(params (string Key, string Value)[] pairs) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
