using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.HostFiles;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>
/// Host bind mounts on the real engine: left out by default, as the platform has no host paths (RSIM090); with
/// <see cref="ExperienceSettings.AllowHostMounts"/> an ordinary folder is mounted, read-only kept, while the host's root, kernel
/// and device files and the engine's socket stay refused (R10, threat model in docs/design.md).
/// </summary>
[RequiresEngine]
public sealed class R10BindMountTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task By_default_neither_the_host_root_nor_the_docker_socket_is_reachable_from_the_container_R10()
    {
        var compose = $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                volumes: ["/:/host", "/var/run/docker.sock:/var/run/docker.sock", {type: bind, source: /run/docker.sock, target: /engine.sock}]
                command:
                  - sh
                  - -c
                  - |
                    ls /host; echo "ls /host: $$?"
                    [ -e /var/run/docker.sock ] || [ -e /engine.sock ]; echo "socket present: $$?"
            """;

        var result = await engine.RunAsync(compose);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var log = RealEngine.Log(result, "test");
        Assert.Contains("ls /host: 1", log, StringComparison.Ordinal);
        Assert.Contains("socket present: 1", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_host_mounts_allowed_an_ordinary_folder_is_readable_and_a_read_only_mount_stays_read_only_R10()
    {
        using var folder = new HostFolder();
        await File.WriteAllTextAsync(folder.Combine("greeting.txt"), "from the host\n", RealEngine.Token);
        var compose = $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                volumes: ["{{folder.Path}}:/data:ro"]
                command:
                  - sh
                  - -c
                  - |
                    [ "$$(cat /data/greeting.txt)" = "from the host" ] || exit 3
                    touch /data/written 2>/dev/null && exit 4
                    exit 0
            """;

        var result = await engine.RunAsync(engine.Experience(compose).WithSettings(s => s with { AllowHostMounts = true }));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.False(File.Exists(folder.Combine("written")));
    }

    [Theory]
    [InlineData("/", "is the host's root folder")]
    [InlineData("/var/run/docker.sock", "is a socket")]
    [InlineData("/run/docker.sock", "is a socket")]
    [InlineData("/proc", "is in /proc")]
    [InlineData("/sys", "is in /sys")]
    [InlineData("/dev", "is in /dev")]
    [InlineData("/tmp/../dev/../proc/self/root", "is the host's root folder")]
    public async Task With_host_mounts_allowed_the_root_kernel_files_and_engine_socket_are_refused_before_any_container_starts(string source, string reason)
    {
        var compose = $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                volumes: ["{{source}}:/host"]
                command: ["sh", "-c", "ls /host"]
            """;
        var observer = new LiveObserver();

        var result = await engine.RunAsync(engine.Experience(compose).WithSettings(s => s with { AllowHostMounts = true }), observer);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains($"service 'test' cannot bind-mount the host path: '{Path.GetFullPath(source)}'", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(observer.Changes, c => c.Kind == "created");
    }

    [Fact]
    public async Task With_host_mounts_allowed_a_link_in_an_ordinary_folder_that_points_at_the_root_is_refused()
    {
        using var folder = new HostFolder();
        var link = folder.Link("innocent", "/");
        var compose = $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                volumes: ["{{link}}:/host"]
                command: ["sh", "-c", "ls /host"]
            """;

        var result = await engine.RunAsync(engine.Experience(compose).WithSettings(s => s with { AllowHostMounts = true }));

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains($"'{link}' (which is '/') is the host's root folder", result.Reason!.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
