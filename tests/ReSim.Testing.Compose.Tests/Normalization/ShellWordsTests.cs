using ReSim.Testing.Compose.Loading.Normalization;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Command strings split into words as compose splits them (R2).</summary>
public class ShellWordsTests
{
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
}
