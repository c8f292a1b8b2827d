using System.Buffers;
namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Parses compose durations as compose-go does (str2duration): Go durations plus days and weeks, such as <c>1m30s</c>, <c>500ms</c>, <c>1.5h</c>, <c>1d</c>, <c>2w</c>, <c>0</c>.</summary>
/// <remarks>Nanosecond precision as in Go, truncated to .NET's 100 ns ticks; no spaces; a number needs a unit except <c>0</c>.</remarks>
internal static class DurationParser
{
    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.");

    private const long Second = 1_000_000_000;

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        long total = 0;
        while (!rest.IsEmpty)
        {
            if (NextTerm(ref rest) is not { } nanoseconds || (total += nanoseconds) < 0)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((negative ? -total : total) / 100);
        return true;
    }

    /// <summary>One number and unit, such as <c>1.5h</c>, in nanoseconds; <see langword="null"/> when malformed or too large.</summary>
    private static long? NextTerm(ref ReadOnlySpan<char> rest)
    {
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        var whole = digits < 0 ? rest : rest[..digits];
        rest = rest[whole.Length..];
        var fraction = ReadOnlySpan<char>.Empty;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            rest = rest[1..];
            var end = rest.IndexOfAnyExceptInRange('0', '9');
            fraction = end < 0 ? rest : rest[..end];
            rest = rest[fraction.Length..];
        }

        var unitEnd = rest.IndexOfAny(NumberChars);
        var unit = Nanoseconds(unitEnd < 0 ? rest : rest[..unitEnd]);
        rest = unitEnd < 0 ? [] : rest[unitEnd..];
        if ((whole.IsEmpty && fraction.IsEmpty) || unit == 0 || !long.TryParse(whole.IsEmpty ? "0" : whole, out var value) || value > long.MaxValue / unit)
        {
            return null;
        }

        value *= unit;
        var scale = 1.0;
        long fractionValue = 0;
        foreach (var digit in fraction)
        {
            // As Go: digits past what fits in 63 bits are ignored.
            if (fractionValue > long.MaxValue / 10)
            {
                break;
            }

            fractionValue = (fractionValue * 10) + (digit - '0');
            scale *= 10;
        }

        value += (long)(fractionValue * (unit / scale));
        return value < 0 ? null : value;
    }

    private static long Nanoseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1,
        "us" or "µs" or "μs" => 1_000,
        "ms" => 1_000_000,
        "s" => Second,
        "m" => 60 * Second,
        "h" => 3_600 * Second,
        "d" => 86_400 * Second,
        "w" => 604_800 * Second,
        _ => 0,
    };
}
