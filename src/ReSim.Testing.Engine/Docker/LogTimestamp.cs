using System.Text;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reads the timestamp the engine puts before each log message.</summary>
internal static class LogTimestamp
{
    private const int FixedLength = 30;

    /// <summary>Reads an RFC 3339 time with up to nine fraction digits.</summary>
    /// <param name="text">Such as <c>2026-12-01T09:11:47.123456789Z</c> (the engine's fixed form, read without allocating) or any RFC 3339 time.</param>
    /// <returns>The time (to the 100 ns tick), or <see langword="null"/> when it is not one.</returns>
    public static DateTimeOffset? Parse(ReadOnlySpan<byte> text)
    {
        if (text.Length == FixedLength && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
            && text[19] == '.' && text[29] == 'Z'
            && Digits(text, 0, 4, out var year) && Digits(text, 5, 2, out var month) && Digits(text, 8, 2, out var day)
            && Digits(text, 11, 2, out var hour) && Digits(text, 14, 2, out var minute) && Digits(text, 17, 2, out var second)
            && Digits(text, 20, 7, out var ticks) && Digits(text, 27, 2, out _)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month)
            && hour < 24 && minute < 60 && second < 60 && year >= 1)
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        }

        return DockerTime.ParseNanoseconds(Encoding.ASCII.GetString(text)) is { } nanoseconds ? DockerTime.ToDateTimeOffset(nanoseconds) : null;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        foreach (var digit in text.Slice(start, count))
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
