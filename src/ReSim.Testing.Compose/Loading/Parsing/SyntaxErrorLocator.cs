using YamlDotNet.Core;

namespace ReSim.Testing.Compose.Loading.Parsing;

/// <summary>Finds the line and column to report for a YAML syntax error.</summary>
internal static class SyntaxErrorLocator
{
    /// <summary>
    /// The position of a syntax error. YamlDotNet sometimes reports line 1, column 1 (tabs as indentation, some
    /// unclosed collections): then the error is after the last event that parsed, at the first tab-indented line if any.
    /// </summary>
    public static (int Line, int Column) Locate(Mark reported, Mark lastGoodMark, string text)
    {
        if (reported.Index > 0 || lastGoodMark.Index == 0)
        {
            return ((int)reported.Line, (int)reported.Column);
        }

        var lines = text.Split('\n');
        for (var index = (int)lastGoodMark.Line; index < lines.Length; index++)
        {
            var indent = lines[index].Length - lines[index].TrimStart(' ', '\t').Length;
            if (lines[index].AsSpan(0, indent).Contains('\t'))
            {
                return (index + 1, lines[index].IndexOf('\t', StringComparison.Ordinal) + 1);
            }
        }

        return ((int)lastGoodMark.Line, (int)lastGoodMark.Column);
    }
}
