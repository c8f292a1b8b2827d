using ReSim.Testing.Compose.Loading.Normalization;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Durations as compose reads them: Go durations (R2).</summary>
public class DurationParserTests
{
    [Theory]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2h45m", 9_900_000)]
    [InlineData("0", 0)]
    [InlineData("1000us", 1)]
    public void A_duration_parses_like_go(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("soon")]
    [InlineData("1x")]
    [InlineData("")]
    [InlineData("s")]
    public void A_duration_without_units_or_with_unknown_ones_is_rejected(string text) =>
        Assert.False(DurationParser.TryParse(text, out _));
}
