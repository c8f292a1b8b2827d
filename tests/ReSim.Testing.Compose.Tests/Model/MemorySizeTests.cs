using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Model;

/// <summary>Memory sizes as Docker reads them (R13).</summary>
public class MemorySizeTests
{
    [Theory]
    [InlineData("512m", 536_870_912)]
    [InlineData("2g", 2_147_483_648)]
    [InlineData("2GB", 2_147_483_648)]
    [InlineData("1024k", 1_048_576)]
    [InlineData("1.5g", 1_610_612_736)]
    [InlineData("100", 100)]
    [InlineData("100b", 100)]
    [InlineData("1gib", 1_073_741_824)]
    [InlineData("-1", -1)]
    public void A_memory_size_parses_like_docker(string text, long bytes)
    {
        Assert.True(MemorySize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1g")]
    [InlineData("1gi")]
    [InlineData(" 32 ")]
    [InlineData("1q")]
    [InlineData("99999999999p")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_memory_size_is_rejected(string? text) =>
        Assert.False(MemorySize.TryParse(text, out _));
}
