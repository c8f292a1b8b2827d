using ReSim.Testing.Configuration;
using ReSim.Testing.Execution;

namespace ReSim.Testing.Xunit.Tests.Execution;

public class ExperienceSlotsTests
{
    private static readonly System.Reflection.Assembly TestAssembly = typeof(ExperienceSlotsTests).Assembly;

    [Fact]
    public async Task Experiences_beyond_the_limit_wait_for_a_free_slot()
    {
        var slots = new ExperienceSlots(_ => new ParallelLimit(2, "a test"));
        var (_, first) = await slots.AcquireAsync(TestAssembly, CancellationToken.None);
        var (_, second) = await slots.AcquireAsync(TestAssembly, CancellationToken.None);

        var third = slots.AcquireAsync(TestAssembly, CancellationToken.None);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(third.IsCompleted);

        first.Dispose();
        var (limit, slot) = await third.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(2, limit.Count);
        second.Dispose();
        slot.Dispose();
    }

    [Fact]
    public async Task The_limit_is_resolved_once_per_process()
    {
        var resolutions = 0;
        var slots = new ExperienceSlots(_ => new ParallelLimit(++resolutions, "a test"));

        for (var i = 0; i < 3; i++)
        {
            var (limit, slot) = await slots.AcquireAsync(TestAssembly, CancellationToken.None);
            Assert.Equal(1, limit.Count);
            slot.Dispose();
        }

        Assert.Equal(1, resolutions);
    }

    [Fact]
    public async Task Waiting_for_a_slot_stops_when_the_test_is_cancelled()
    {
        var slots = new ExperienceSlots(_ => new ParallelLimit(1, "a test"));
        var (_, held) = await slots.AcquireAsync(TestAssembly, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = slots.AcquireAsync(TestAssembly, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
    }
}
