using System.Text;

namespace ReSim.Testing.Compose.Tests.Fuzz;

/// <summary>Random text built from the pieces that matter to compose's template and dotenv grammars, from a fixed seed.</summary>
internal sealed class FuzzText(int seed)
{
    private static readonly string[] TemplatePieces =
    [
        "$", "$$", "${", "}", "{", ":", "-", "+", "?", ":-", ":?", ":+", "A", "B", "SET", "EMPTY", "_x", "1", " ", "\"", "'", "\\", "#", "=", "x", "}}", "${SET", "${A:-", "${B?", "\u212A", "é", "\t",
    ];

    private static readonly string[] DotEnvPieces =
    [
        "A", "B_1", "SET", "a[1]", "x.y-z", "export ", "KEY WITH SPACE", "=", ":", " = ", "\"", "'", "\\", "\\n", "\\\"", "\\0123", "\\0", "\\x", "\\$",
        "${A}", "$B", "${SET:-d}", "${NOPE:?must}", "${", "#", " #", "# c", "\n", "\r\n", " ", "\t", "value", "é", "%", "$", "}",
    ];

    private readonly Random random = new(seed);

    public string Template() => Build(TemplatePieces, 12);

    public string DotEnv() => Build(DotEnvPieces, 24);

    private string Build(string[] pieces, int maxPieces)
    {
        var builder = new StringBuilder();
        var count = random.Next(maxPieces + 1);
        for (var i = 0; i < count; i++)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString();
    }
}
