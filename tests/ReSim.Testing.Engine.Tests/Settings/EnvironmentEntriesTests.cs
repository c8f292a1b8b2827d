using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.Engine.Tests.Settings;

/// <summary>The one reading of NAME=value entries that attributes, items, switches and RESIM_ENVIRONMENT share (R9).</summary>
public sealed class EnvironmentEntriesTests
{
    [Theory]
    [InlineData("SCENARIO=parking", "SCENARIO", "parking")]
    [InlineData("EMPTY=", "EMPTY", "")]
    [InlineData("URL=http://x?a=b", "URL", "http://x?a=b")]
    [InlineData(" SPACED = value ", "SPACED", " value ")]
    public void An_entry_is_the_name_before_the_first_equals_sign_and_the_value_after_it_as_written(string entry, string name, string value)
    {
        Assert.True(EnvironmentEntries.TryParse(entry, out var parsedName, out var parsedValue));
        Assert.Equal((name, value), (parsedName, parsedValue));
    }

    [Theory]
    [InlineData("NOEQUALS")]
    [InlineData("=value")]
    [InlineData("  =value")]
    [InlineData("")]
    [InlineData(null)]
    public void An_entry_without_a_name_is_not_one(string? entry) => Assert.False(EnvironmentEntries.TryParse(entry, out _, out _));

    [Fact]
    public void A_list_splits_at_semicolons_later_entries_win_and_bad_ones_are_named()
    {
        var bad = new List<string?>();

        var variables = EnvironmentEntries.Parse(EnvironmentEntries.Split(" A=1 ;; B=2;oops;A=3; "), bad);

        Assert.Equal([new("A", "3"), new("B", "2")], variables);
        Assert.Equal(["oops"], bad);
    }
}
