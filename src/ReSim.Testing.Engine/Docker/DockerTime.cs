using System.Globalization;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Docker's times at full precision: nanoseconds since the Unix epoch on the engine's clock.</summary>
internal static class DockerTime
{
    /// <summary>Docker's <c>since</c> form of a time: seconds, a dot, nine digits of nanoseconds.</summary>
    /// <param name="unixNanoseconds">The time.</param>
    /// <returns>Such as <c>1764333000.000000001</c>.</returns>
    internal static string Since(long unixNanoseconds) => string.Create(
        CultureInfo.InvariantCulture, $"{unixNanoseconds / 1_000_000_000}.{unixNanoseconds % 1_000_000_000:D9}");

    /// <summary>Reads an RFC 3339 time as Docker writes it (up to nine fraction digits), keeping every digit.</summary>
    /// <param name="text">Such as <c>2026-11-28T12:26:55.123456789Z</c>.</param>
    /// <returns>The time, or <see langword="null"/> for an empty, unreadable or zero (<c>0001-01-01T00:00:00Z</c>) time.</returns>
    internal static long? ParseNanoseconds(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 20)
        {
            return null;
        }

        var zone = text.IndexOfAny(['Z', '+', '-'], 19);
        var dot = text.IndexOf('.', 19);
        var fractionEnd = zone < 0 ? text.Length : zone;
        var withoutFraction = dot < 0 ? text : text[..dot] + text[fractionEnd..];
        if (!DateTimeOffset.TryParse(withoutFraction, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var whole)
            || whole.Year < 1970)
        {
            return null;
        }

        var digits = dot < 0 ? string.Empty : text[(dot + 1)..fractionEnd];
        if (digits.Length > 9 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var nanoseconds = digits.Length == 0 ? 0 : long.Parse(digits.PadRight(9, '0'), CultureInfo.InvariantCulture);
        return (whole.ToUnixTimeSeconds() * 1_000_000_000) + nanoseconds;
    }

    /// <summary>A time in nanoseconds as a <see cref="DateTimeOffset"/> (to the 100 ns tick).</summary>
    /// <param name="unixNanoseconds">The time.</param>
    /// <returns>The same time in UTC.</returns>
    internal static DateTimeOffset ToDateTimeOffset(long unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNanoseconds / 100);
}
