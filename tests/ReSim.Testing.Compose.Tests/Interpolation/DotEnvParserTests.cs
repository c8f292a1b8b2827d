using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Interpolation;

namespace ReSim.Testing.Compose.Tests.Interpolation;

public class DotEnvParserTests
{
    [Fact]
    public void Lines_are_read_with_comments_export_quotes_and_earlier_keys()
    {
        const string text = "# comment\n\nA=1\nexport B = two words\nC=\"line\\nbreak\"\nD='$literal'\nE=value # trailing comment\nF\nG=\nH=${A}-$OUT\nA=2\n";
        var diagnostics = new DiagnosticBag();
        var values = new Dictionary<string, string>();

        DotEnvParser.Parse(text, ".env", new VariableLookup([new("F", "from-outside"), new("OUT", "o")], []), values, diagnostics);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "2", ["B"] = "two words", ["C"] = "line\nbreak", ["D"] = "$literal", ["E"] = "value", ["F"] = "from-outside", ["G"] = "", ["H"] = "1-o" },
            values);
    }

    [Fact]
    public void A_malformed_line_is_an_error_at_its_line_and_column()
    {
        var diagnostics = new DiagnosticBag();
        var values = new Dictionary<string, string>();

        DotEnvParser.Parse("A=1\nlol$wut\n", "app.env", VariableLookup.Empty, values, diagnostics);

        Assert.Equal("1", Assert.Single(values).Value);
        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.DotEnvSyntax, "app.env", 2, 4), (error.Code, error.Location.File, error.Location.Line, error.Location.Column));
    }
}
