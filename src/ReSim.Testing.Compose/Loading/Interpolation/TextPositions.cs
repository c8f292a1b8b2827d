using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>Turns offsets into a text into 1-based lines and columns, in O(log lines) each.</summary>
internal sealed class TextPositions
{
    private readonly List<int> lineStarts = [0];

    public TextPositions(string text)
    {
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            lineStarts.Add(i + 1);
        }
    }

    public SourceLocation Locate(string displayPath, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(displayPath, line + 1, offset - lineStarts[line] + 1);
    }
}
