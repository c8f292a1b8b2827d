using System.Diagnostics;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>Infrastructure problems through the runner on the real engine: an Error result, clear and quick, never a failed experience.</summary>
[RequiresEngine]
public sealed class InfrastructureErrorTests : IAsyncDisposable
{
    private const string Compose = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            command: ["true"]
          robot:
            image: resim-testing/no-such-image:0.1
            command: ["sleep", "30"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task An_unreachable_engine_gives_an_Error_naming_the_endpoint_within_seconds()
    {
        await using var nowhere = new DockerRuntime(new DockerRuntimeOptions { Endpoint = new Uri("unix:///nonexistent/docker.sock"), ConnectTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        var result = await new ExperienceRunner(nowhere).RunAsync(engine.Experience(Compose), null, RealEngine.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("unix:///nonexistent/docker.sock", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", result.Reason.Message, StringComparison.Ordinal);
        Assert.Null(result.Reason.Service);
    }

    [Theory]
    [InlineData(PullPolicy.Never)]
    [InlineData(PullPolicy.Missing)]
    public async Task A_missing_image_that_cannot_be_had_gives_an_Error_naming_the_service_and_image_and_starts_nothing(PullPolicy policy)
    {
        var observer = new LiveObserver();

        var result = await engine.RunAsync(engine.Experience(Compose).WithSettings(s => s with { PullPolicy = policy }), observer);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("'robot'", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("'resim-testing/no-such-image:0.1'", result.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(observer.Changes, c => c.Kind is "created" or "started");
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
