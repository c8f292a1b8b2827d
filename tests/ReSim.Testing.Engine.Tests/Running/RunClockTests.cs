using Microsoft.Extensions.Time.Testing;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>The run loop's timers run on the runner's clock: with a fake one, back-offs and the timeout pass only when it is moved (R17, R18).</summary>
public sealed class RunClockTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly RunScenario scenario = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_back_off_ends_when_the_clock_has_moved_by_it_and_not_before_R17()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(60_000)).Script("robot", StartScript.Run.Exit(1));
        var experience = scenario.Experience(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.Always))).WithSettings(s => s with { Timeout = TimeSpan.FromMilliseconds(200) });
        var run = new ExperienceRunner(scenario.Runtime, clock).RunAsync(experience, scenario.Observer, TestContext.Current.CancellationToken);

        // The first restart is immediate; the second waits 100 ms of the clock, which stands still.
        await WhenAsync(() => scenario.Observer.Changes.Count(c => c is { Service: "robot", Kind: "restarted" }) == 2);
        Assert.Equal(2, scenario.Runtime.StartsOf("robot"));
        clock.Advance(TimeSpan.FromMilliseconds(99));
        // Time for a restart made too early to show; the wall clock plays no part in the run itself.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(2, scenario.Runtime.StartsOf("robot"));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WhenAsync(() => scenario.Runtime.StartsOf("robot") == 3);

        // The timeout is the clock's too: at 200 ms it ends the run, 100 ms before the third back-off would have, which is cancelled.
        await WhenAsync(() => scenario.Observer.Changes.Count(c => c is { Service: "robot", Kind: "restarted" }) == 3);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var result = await run.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.TimedOut, result.Verdict);
        Assert.Equal(TimeSpan.FromMilliseconds(200), result.Duration);
        var restarts = result.Services.Single(s => s.Name == "robot").Restarts;
        Assert.Equal(["restarted at once", "restarted after a back-off of 0.100 s", "restarted after a back-off of 0.200 s"], restarts.Select(r => r.Reason[(r.Reason.LastIndexOf("; ", StringComparison.Ordinal) + 2)..]));
        Assert.Equal(["restarted", "restarted", "restarted", "restart-cancelled"], scenario.Observer.Changes.Where(c => c.Service == "robot" && c.Kind.StartsWith("restart", StringComparison.Ordinal)).Select(c => c.Kind));
        Assert.Equal(3, scenario.Runtime.StartsOf("robot"));
    }

    public ValueTask DisposeAsync() => scenario.DisposeAsync();

    // The loop runs on the pool: what it does after an input is seen a moment later.
    private static async Task WhenAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the run did not get there within 10 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
