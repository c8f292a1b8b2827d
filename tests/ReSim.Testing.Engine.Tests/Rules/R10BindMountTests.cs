using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>Host bind mounts on the real engine: mounted locally as written, read-only kept (the loader warns, RSIM090; R10).</summary>
public sealed class R10BindMountTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_file_in_a_bind_mounted_host_folder_is_readable_and_a_read_only_mount_stays_read_only_R10()
    {
        var folder = engine.NewFolder();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "greeting.txt"), "from the host\n", RealEngine.Token);
        var compose = $$"""
            services:
              test:
                image: resim-testing/busybox:1.35
                {{RealEngine.Orchestrator}}
                volumes: ["{{folder}}:/data:ro"]
                command:
                  - sh
                  - -c
                  - |
                    [ "$$(cat /data/greeting.txt)" = "from the host" ] || exit 3
                    touch /data/written 2>/dev/null && exit 4
                    exit 0
            """;

        var result = await engine.RunAsync(compose);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.False(File.Exists(Path.Combine(folder, "written")));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
