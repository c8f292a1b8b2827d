using ReSim.Testing.Compose.Loading.Normalization;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Durations, memory sizes, shell words and restart values as compose reads them (R2, R13, R17).</summary>
public class ValueParserTests
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

    [Theory]
    [InlineData("512m", 536_870_912)]
    [InlineData("2g", 2_147_483_648)]
    [InlineData("2GB", 2_147_483_648)]
    [InlineData("1024k", 1_048_576)]
    [InlineData("1.5g", 1_610_612_736)]
    [InlineData("100", 100)]
    [InlineData("100b", 100)]
    [InlineData("1gi", 1_073_741_824)]
    public void A_memory_size_parses_like_docker(string text, long bytes)
    {
        Assert.True(ByteSizeParser.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1g")]
    [InlineData("1q")]
    [InlineData("99999999999p")]
    public void A_malformed_memory_size_is_rejected(string text) =>
        Assert.False(ByteSizeParser.TryParse(text, out _));

    [Theory]
    [InlineData("sleep 5", new[] { "sleep", "5" })]
    [InlineData("sh -c 'echo a && echo b'", new[] { "sh", "-c", "echo a && echo b" })]
    [InlineData("echo \"a \\\"quoted\\\" word\"", new[] { "echo", "a \"quoted\" word" })]
    [InlineData("  spaced   out  ", new[] { "spaced", "out" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("empty ''", new[] { "empty", "" })]
    [InlineData("$HOME stays", new[] { "$HOME", "stays" })]
    public void A_command_string_splits_into_shell_words(string text, string[] words)
    {
        Assert.True(ShellWords.TrySplit(text, out var split));
        Assert.Equal(words, split);
    }

    [Theory]
    [InlineData("echo 'unclosed")]
    [InlineData("echo \"unclosed")]
    public void An_unclosed_quote_does_not_split(string text) =>
        Assert.False(ShellWords.TrySplit(text, out _));

    [Theory]
    [InlineData("no", RestartKind.No, null)]
    [InlineData("always", RestartKind.Always, null)]
    [InlineData("unless-stopped", RestartKind.UnlessStopped, null)]
    [InlineData("on-failure", RestartKind.OnFailure, null)]
    [InlineData("on-failure:3", RestartKind.OnFailure, 3)]
    public void A_restart_value_parses_R17(string text, RestartKind kind, int? max) =>
        Assert.Equal(new RestartPolicy(kind, max), RestartParser.Parse(text));

    [Theory]
    [InlineData("sometimes")]
    [InlineData("on-failure:")]
    [InlineData("on-failure:-1")]
    [InlineData("on-failure:x")]
    [InlineData("Always")]
    public void An_unknown_restart_value_is_rejected(string text) =>
        Assert.Null(RestartParser.Parse(text));
}
