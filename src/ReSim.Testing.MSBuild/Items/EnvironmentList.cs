using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Engine.Launch;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>The text forms item metadata and pipeline properties share: <c>NAME=value;NAME=value</c> lists and seconds.</summary>
internal static class EnvironmentList
{
    /// <summary>Parses <c>NAME=value;NAME=value</c> (<see cref="EnvironmentEntries"/>); a later entry for the same name wins, empty entries are ignored.</summary>
    /// <param name="text">The list.</param>
    /// <param name="badEntry">The first entry that is not <c>NAME=value</c>, or <see langword="null"/>.</param>
    /// <returns>The variables of the good entries.</returns>
    public static ImmutableSortedDictionary<string, string> Parse(string text, out string? badEntry)
    {
        var badEntries = new List<string?>();
        var variables = EnvironmentEntries.Parse(EnvironmentEntries.Split(text), badEntries);
        badEntry = badEntries.FirstOrDefault();
        return variables;
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
