using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R13 on the real engine: limits applied to the container, and GPU over-asks refused before anything starts.</summary>
[RequiresEngine]
public sealed class R13ResourceTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task Cpu_memory_and_pids_limits_are_applied_to_the_container_R13()
    {
        var observer = new LiveObserver();
        // The container reads its own memory limit from the cgroup (v2 or v1) and waits until the test has inspected it.
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                deploy:
                  resources:
                    limits: { cpus: "0.5", memory: 64M, pids: 50 }
                command:
                  - sh
                  - -c
                  - |
                    limit=$$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
                    echo "memory limit $$limit"
                    [ "$$limit" = 67108864 ] || exit 2
                    {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/inspected", then: "exit 0")}}
                    exit 3
            """);

        var running = engine.RunAsync(experience, observer);
        await observer.WaitForAsync("test", "started");
        var limits = await DockerTestRun.InspectAsync(await observer.ContainerIdAsync("test"), "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}");
        await File.WriteAllTextAsync(Path.Combine(experience.Settings.ResultsDirectory!, "outputs", "inspected"), "done", RealEngine.Token);
        var result = await running;

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal("500000000 67108864 50", limits);
        Assert.Contains("memory limit 67108864", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_more_GPUs_than_the_system_has_is_an_error_before_any_container_starts_R13()
    {
        var observer = new LiveObserver();
        var compose = RealEngine.Load(
            $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["true"]
                deploy:
                  resources:
                    reservations:
                      devices: [{ driver: nvidia, capabilities: [gpu], count: 2 }]
            """,
            system: new SystemResources(2, 1L << 30, ["0", "1"]));
        var experience = engine.Experience(compose).WithSettings(s => s with { System = new SystemResources(2, 1L << 30, ["0"]) });

        var result = await engine.RunAsync(experience, observer);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("GPU", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("test", result.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(observer.Changes, c => c.Kind is "created" or "started");
    }

    [Fact]
    public async Task Reservations_above_the_experiences_system_are_an_error_before_any_container_starts_R13()
    {
        var observer = new LiveObserver();
        var compose = RealEngine.Load(
            $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["true"]
                deploy: { resources: { reservations: { cpus: "3", memory: 1G } } }
            """,
            system: new SystemResources(8, 8L << 30, []));
        var experience = engine.Experience(compose).WithSettings(s => s with { System = new SystemResources(2, 512L << 20, []) });

        var result = await engine.RunAsync(experience, observer);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("reserve 3 CPUs", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("1024 MiB", result.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(observer.Changes, c => c.Kind is "created" or "started");
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
