using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>On the real engine, a run holds its results folder's lock while it runs and releases it when it ends (R23).</summary>
[RequiresEngine]
public sealed class RunFolderLockEngineTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_running_experience_holds_its_folder_lock_so_no_pruner_can_take_its_folder_and_releases_it_at_the_end()
    {
        var compose = $$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "sleep 1"]
            """;
        var experience = engine.Experience(compose);
        var observer = new LiveObserver();

        var run = engine.RunAsync(experience, observer);
        await observer.WaitForAsync("test", "started");
        var takenWhileRunning = RunFolderLock.TryTake(experience.Settings.ResultsDirectory!);
        var result = await run;

        Assert.Null(takenWhileRunning);
        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        using var takenAfter = RunFolderLock.TryTake(result.ResultsDirectory);
        Assert.NotNull(takenAfter);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
