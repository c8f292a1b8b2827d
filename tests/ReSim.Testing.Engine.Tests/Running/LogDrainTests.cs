using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>
/// R21 when the log stream lags far behind the exit (a 50 MB log on a busy machine, seen on the real engine to lose 350 KB):
/// a stream still delivering lines is not cut at teardown.
/// </summary>
public sealed class LogDrainTests : IAsyncDisposable
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task A_log_still_streaming_long_after_the_exit_is_kept_whole_R21()
    {
        // Timers run 100 times fast, so the engine's drain bound is short next to the 4 ms per line the stream takes.
        scenario.Runtime.LogDelivery = TimeSpan.FromMilliseconds(4);
        var lines = Enumerable.Range(1, 100).Select(i => $"line {i}").ToArray();
        scenario.Runtime.Script("test", StartScript.Run.Print(lines).Exit(0));
        var experience = scenario.Experience(Orchestrator("test")).WithSettings(s => s with { Timeout = TimeSpan.FromHours(1) });

        var result = await new ExperienceRunner(scenario.Runtime, new FastTimers(100)).RunAsync(experience, null, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal(["=== start 1 ===", .. lines], scenario.Log("test").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    /// <summary>The system clock, with every timer due <c>factor</c> times sooner.</summary>
    private sealed class FastTimers(int factor) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime / factor, period == Timeout.InfiniteTimeSpan ? period : period / factor);
    }
}
