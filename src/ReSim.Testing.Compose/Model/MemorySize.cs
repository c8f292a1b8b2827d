using System.Buffers;
using System.Globalization;

namespace ReSim.Testing.Compose.Model;

/// <summary>Parses memory sizes as compose files write them (<c>512m</c>, <c>16g</c>, <c>1.5gb</c>, or bytes), in the loader and in front ends that let users give the system's memory (R13).</summary>
/// <remarks>
/// Exactly as compose-go reads them: a whole number of bytes (compose's <c>-1</c>, "no limit", included), else Docker's
/// go-units <c>RAMInBytes</c>: a non-negative number, an optional space, and <c>b</c>, or <c>k m g t p</c> optionally
/// followed by <c>b</c> or <c>ib</c>, in any case. Units are binary: <c>1k</c> is 1024 bytes. Sizes of 2^63 bytes or more
/// are refused.
/// </remarks>
public static class MemorySize
{
    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.");

    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">A size such as <c>16g</c>.</param>
    /// <param name="bytes">The size in bytes; 0 when <paramref name="text"/> is not a size.</param>
    /// <returns>Whether <paramref name="text"/> is a size.</returns>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out bytes))
        {
            return true;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var split = space >= 0 ? space : text.AsSpan().LastIndexOfAny(NumberChars) + 1;
        var suffix = text[(space >= 0 ? space + 1 : split)..].ToLowerInvariant();
        if (split <= 0 || !double.TryParse(text.AsSpan(0, split), Number, CultureInfo.InvariantCulture, out var size) || size < 0 || Multiplier(suffix) is not { } multiplier)
        {
            bytes = 0;
            return false;
        }

        var value = size * multiplier;
        if (value >= long.MaxValue)
        {
            bytes = 0;
            return false;
        }

        bytes = (long)value;
        return true;
    }

    private static double? Multiplier(string suffix)
    {
        if (suffix.Length is 0 || suffix is "b")
        {
            return 1;
        }

        var power = suffix[0] switch { 'k' => 1, 'm' => 2, 'g' => 3, 't' => 4, 'p' => 5, _ => 0 };
        return power > 0 && suffix[1..] is "" or "b" or "ib" ? Math.Pow(1024, power) : null;
    }
}
