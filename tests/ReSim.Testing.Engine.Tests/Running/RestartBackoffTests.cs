using ReSim.Testing.Engine.Running;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>The restart back-off (R15, R17): immediate, then 100 ms doubling up to 5 s, reset by a 10 s run.</summary>
public sealed class RestartBackoffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(6, 3200)]
    [InlineData(7, 5000)]
    [InlineData(1000, 5000)]
    public void The_delay_doubles_from_100_ms_after_an_immediate_first_restart_up_to_5_s(int earlierInARow, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RestartBackoff.Delay(earlierInARow));
    }

    [Fact]
    public void A_start_that_ran_10_s_resets_the_count_and_a_shorter_or_unseen_one_does_not()
    {
        Assert.Equal((0, 4, 4), (RestartBackoff.InARow(4, TimeSpan.FromSeconds(10)), RestartBackoff.InARow(4, TimeSpan.FromSeconds(9.9)), RestartBackoff.InARow(4, null)));
    }
}
