using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Parsing;

namespace ReSim.Testing.Compose.Tests.Parsing;

public class SourceDecoderTests
{
    [Fact]
    public void A_utf8_byte_order_mark_is_dropped()
    {
        var diagnostics = new DiagnosticBag();

        var text = SourceDecoder.Decode([0xEF, 0xBB, 0xBF, .. "a: 1"u8], "f.yml", LoadLimits.Default, diagnostics);

        Assert.Equal("a: 1", text);
    }

    [Fact]
    public void An_invalid_byte_is_located_by_line_and_column()
    {
        var diagnostics = new DiagnosticBag();

        var text = SourceDecoder.Decode([.. "a: 1\nbb: "u8, 0xFF], "f.yml", LoadLimits.Default, diagnostics);

        Assert.Null(text);
        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.NotUtf8, 2, 5), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Input_over_the_limit_is_too_large_and_at_the_limit_is_not()
    {
        var limits = LoadLimits.Default with { MaxBytes = 4 };
        var diagnostics = new DiagnosticBag();

        Assert.NotNull(SourceDecoder.Decode("a: 1"u8.ToArray(), "f.yml", limits, diagnostics));
        Assert.Null(SourceDecoder.Decode("a: 12"u8.ToArray(), "f.yml", limits, diagnostics));
        Assert.Null(SourceDecoder.CheckString("é: 1", "f.yml", limits, diagnostics));
        Assert.All(diagnostics.ToSortedArray(), d => Assert.Equal(DiagnosticCodes.InputTooLarge, d.Code));
    }
}
