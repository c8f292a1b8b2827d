using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Interpolation;

namespace ReSim.Testing.Compose.Tests.Interpolation;

public class DotEnvParserTests
{
    [Fact]
    public void Lines_are_read_with_comments_export_and_quotes()
    {
        const string text = "# comment\n\nA=1\nexport B = two words\nC=\"line\\nbreak\"\nD='$literal'\nE=value # trailing comment\nF\nG=\n";
        var diagnostics = new DiagnosticBag();

        var entries = DotEnvParser.Parse(text, ".env", diagnostics);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal(
            [new("A", "1", 3), new("B", "two words", 4), new("C", "line\nbreak", 5), new("D", "$literal", 6), new("E", "value", 7), new("F", null, 8), new DotEnvEntry("G", "", 9)],
            entries);
    }

    [Fact]
    public void A_line_that_is_not_key_value_is_an_error_at_its_line()
    {
        var diagnostics = new DiagnosticBag();

        var entries = DotEnvParser.Parse("A=1\n=nokey\n", "app.env", diagnostics);

        Assert.Single(entries);
        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.InvalidValue, "app.env", 2), (error.Code, error.Location.File, error.Location.Line));
    }
}
