using System.Collections.Immutable;
using System.Globalization;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>The text forms item metadata and pipeline properties share: <c>NAME=value;NAME=value</c> lists and seconds.</summary>
internal static class EnvironmentList
{
    /// <summary>Parses <c>NAME=value;NAME=value</c>; a later entry for the same name wins, empty entries are ignored.</summary>
    /// <param name="text">The list.</param>
    /// <param name="badEntry">The first entry that is not <c>NAME=value</c>, or <see langword="null"/>.</param>
    /// <returns>The variables read up to the bad entry.</returns>
    public static ImmutableSortedDictionary<string, string> Parse(string text, out string? badEntry)
    {
        badEntry = null;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                badEntry = entry;
                return builder.ToImmutable();
            }

            builder[entry[..equals].Trim()] = entry[(equals + 1)..];
        }

        return builder.ToImmutable();
    }

    /// <summary>Parses a positive number of seconds that fits a <see cref="TimeSpan"/>.</summary>
    /// <param name="text">The text, invariant culture.</param>
    /// <param name="value">The time.</param>
    /// <returns>Whether <paramref name="text"/> is such a number.</returns>
    public static bool TryParseSeconds(string text, out TimeSpan value)
    {
        value = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
