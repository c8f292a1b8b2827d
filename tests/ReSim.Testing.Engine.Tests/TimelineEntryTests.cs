using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Tests;

/// <summary>The one-line human form of a timeline entry (R23), which front ends print as is.</summary>
public sealed class TimelineEntryTests
{
    [Fact]
    public void An_entry_reads_as_elapsed_seconds_service_kind_and_detail()
    {
        var entry = new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1234), "robot", "exited", "exit code 0");

        Assert.Equal("+1.2 s robot exited (exit code 0)", entry.ToString());
    }

    [Fact]
    public void An_entry_of_the_whole_experience_without_detail_says_experience()
    {
        var entry = new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(62.06), null, "removed", null);

        Assert.Equal("+62.1 s experience removed", entry.ToString());
    }
}
