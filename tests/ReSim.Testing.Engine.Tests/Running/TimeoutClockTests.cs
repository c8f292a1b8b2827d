using ReSim.Testing.Engine.Results;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>
/// R18 against the clock: timers and the wall clock are different clocks, and a timer may fire a little before the wall
/// clock says its time has passed (seen on the real engine: a 2 s timeout reported at 1.9996 s).
/// </summary>
public sealed class TimeoutClockTests : IAsyncDisposable
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task A_timeout_whose_timer_fires_early_is_still_reported_at_the_timeout_not_before_it_R18()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        var experience = scenario.Experience(Orchestrator("test")).WithSettings(s => s with { Timeout = timeout });

        var result = await new ExperienceRunner(scenario.Runtime, new EarlyTimers(TimeSpan.FromMilliseconds(50)))
            .RunAsync(experience, null, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.TimedOut, result.Verdict);
        Assert.True(result.Reason!.At >= timeout, $"timed out at {result.Reason.At}, before the {timeout} timeout");
        Assert.True(result.Duration >= timeout, $"duration {result.Duration}");
    }

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    /// <summary>The system clock, with every timer due <c>early</c> before its time.</summary>
    private sealed class EarlyTimers(TimeSpan early) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime > early ? dueTime - early : dueTime, period);
    }
}
