using System.Globalization;
using System.Text.RegularExpressions;

namespace ReSim.Testing.Compose.Model;

/// <summary>Parses memory sizes as compose files write them (<c>512m</c>, <c>16g</c>, <c>1.5gb</c>, or bytes), in the loader and in front ends that let users give the system's memory (R13).</summary>
/// <remarks>Units are binary, as Docker's and the compose loader's: <c>1k</c> is 1024 bytes.</remarks>
public static partial class MemorySize
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">A size such as <c>16g</c>.</param>
    /// <param name="bytes">The size in bytes; 0 when <paramref name="text"/> is not a size.</param>
    /// <returns>Whether <paramref name="text"/> is a size.</returns>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text?.Trim() ?? string.Empty);
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
