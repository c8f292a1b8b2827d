using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R8 on the real engine: only the services of the experience's profile (and those without profiles) run.</summary>
[RequiresEngine]
public sealed class R08ProfileTests : IAsyncDisposable
{
    private const string Compose = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            command: ["sh", "-c", "echo testing; sleep 0.3"]
          sim:
            image: {{TestEngine.Image}}
            profiles: [sim]
            command: ["sleep", "30"]
          hardware:
            image: {{TestEngine.Image}}
            profiles: [hil]
            command: ["sh", "-c", "exit 5"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_service_of_another_profile_is_never_created_R8()
    {
        var observer = new LiveObserver();

        var result = await engine.RunAsync(engine.Experience(Compose, "sim"), observer);

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal(["test", "sim"], result.Services.Select(s => s.Name));
        Assert.DoesNotContain(observer.Changes, c => c.Service == "hardware");
        Assert.Equal(["sim", "test"], observer.Changes.Where(c => c.Kind == "created").Select(c => c.Service).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(result.ResultsDirectory, "experience-hardware-container.log")));
    }

    [Fact]
    public async Task Without_a_profile_only_the_services_without_profiles_run_R8()
    {
        var result = await engine.RunAsync(Compose);

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal(["test"], result.Services.Select(s => s.Name));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
