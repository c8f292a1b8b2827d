using System.Collections.Immutable;
using System.Text;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Splits a command string into words the way compose does (POSIX shell quoting, no expansion).</summary>
internal static class ShellWords
{
    public static bool TrySplit(string text, out ImmutableArray<string> words)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c == '\\' && i + 1 < text.Length && (quote == '\0' || text[i + 1] is '"' or '\\' or '$' or '`'))
            {
                word.Append(text[++i]);
                inWord = true;
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    result.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            result.Add(word.ToString());
        }

        words = result.ToImmutable();
        return quote == '\0';
    }
}
