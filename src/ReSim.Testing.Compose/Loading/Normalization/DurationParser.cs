using System.Globalization;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Parses compose durations, which are Go durations: <c>1m30s</c>, <c>500ms</c>, <c>1h</c>, <c>1.5s</c>, <c>0</c>.</summary>
internal static class DurationParser
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.Trim();
        var negative = rest.StartsWith('-');
        rest = rest.TrimStart('-', '+');
        if (rest == "0")
        {
            return true;
        }

        if (rest.Length == 0)
        {
            return false;
        }

        double ticks = 0;
        while (rest.Length > 0)
        {
            var numberEnd = 0;
            while (numberEnd < rest.Length && (char.IsAsciiDigit(rest[numberEnd]) || rest[numberEnd] == '.'))
            {
                numberEnd++;
            }

            if (numberEnd == 0 || !double.TryParse(rest[..numberEnd], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[numberEnd..];
            var unit = Array.Find(Units, u => rest.StartsWith(u.Unit, StringComparison.Ordinal) && !(u.Unit == "m" && rest.StartsWith("ms", StringComparison.Ordinal)));
            if (unit.Unit is null)
            {
                return false;
            }

            ticks += number * unit.Ticks;
            rest = rest[unit.Unit.Length..];
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }
}
