using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R10 on the real engine: a named volume is the run's own, shared by the services mounting it, and removed afterwards.</summary>
[RequiresEngine]
public sealed class R10VolumeTests : IAsyncDisposable
{
    // The orchestrator fails if the volume holds a mark from an earlier run, then waits for the writer's file.
    private static readonly string Compose = $$"""
        services:
          writer:
            image: {{TestEngine.Image}}
            volumes: [scratch:/data]
            command: ["sh", "-c", "echo shared > /data/.file && mv /data/.file /data/file; sleep 30"]
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            volumes:
              - type: volume
                source: scratch
                target: /shared
            command:
              - sh
              - -c
              - |
                [ -e /shared/earlier-run ] && exit 5
                touch /shared/earlier-run
                {{ComposeSnippets.WaitForFile("/shared/file")}}
                [ "$$(cat /shared/file)" = shared ] || exit 6
        volumes:
          scratch: {}
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_named_volume_is_shared_by_two_services_fresh_for_each_run_and_gone_afterwards_R10_R19()
    {
        var first = await engine.RunAsync(Compose);
        var second = await engine.RunAsync(Compose);

        Assert.True(first.Verdict == ExperienceVerdict.Passed, first.Reason?.ToString());
        Assert.True(second.Verdict == ExperienceVerdict.Passed, second.Reason?.ToString());
        foreach (var runId in new[] { first.RunId, second.RunId })
        {
            var (_, volumes, _) = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"name=resim-{runId}");
            Assert.Equal(string.Empty, volumes.Trim());
        }
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
