using System.Globalization;
using System.Text.RegularExpressions;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Parses compose memory sizes the way Docker's go-units does: <c>512m</c>, <c>2g</c>, <c>1024k</c>, <c>1.5gb</c>, or bytes.</summary>
/// <remarks>Units are binary: <c>1k</c> is 1024 bytes.</remarks>
internal static partial class ByteSizeParser
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var power = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "K" => 1,
            "M" => 2,
            "G" => 3,
            "T" => 4,
            "P" => 5,
            _ => 0,
        };
        var value = number * Math.Pow(1024, power);
        if (value >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?) ?(?<unit>[kKmMgGtTpP])?[iI]?[bB]?$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
