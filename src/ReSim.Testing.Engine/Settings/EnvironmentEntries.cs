using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Settings;

/// <summary>
/// The one reading of experience-level environment variables (R9) as users write them: <c>NAME=value</c> entries, in
/// an attribute's array, an item's <c>Environment</c> metadata, a pipeline switch or <c>RESIM_ENVIRONMENT</c> (the
/// last three as <c>NAME=value;NAME=value</c>).
/// </summary>
/// <remarks>The name is what comes before the first <c>=</c>, without surrounding spaces, and must not be empty; the
/// value is everything after it, as written. A later entry for the same name wins.</remarks>
public static class EnvironmentEntries
{
    /// <summary>Splits a <c>NAME=value;NAME=value</c> list into its entries, each trimmed, empty ones left out.</summary>
    /// <param name="list">The list, or <see langword="null"/> for none.</param>
    /// <returns>The entries, in order.</returns>
    public static ImmutableArray<string> Split(string? list) =>
        [.. (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Reads one entry.</summary>
    /// <param name="entry">The entry, such as <c>SCENARIO=parking</c>.</param>
    /// <param name="name">The name, when it is an entry.</param>
    /// <param name="value">The value, when it is an entry.</param>
    /// <returns>Whether <paramref name="entry"/> is <c>NAME=value</c> with a name.</returns>
    public static bool TryParse(string? entry, out string name, out string value)
    {
        var equals = entry?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        name = equals > 0 ? entry![..equals].Trim() : string.Empty;
        value = name.Length > 0 ? entry![(equals + 1)..] : string.Empty;
        return name.Length > 0;
    }

    /// <summary>Reads entries into variables; a later entry for the same name wins.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="badEntries">Receives each entry that is not <c>NAME=value</c>, which is left out.</param>
    /// <returns>The variables, names in ordinal order.</returns>
    public static ImmutableSortedDictionary<string, string> Parse(IEnumerable<string?> entries, ICollection<string?> badEntries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(badEntries);
        var variables = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (TryParse(entry, out var name, out var value))
            {
                variables[name] = value;
            }
            else
            {
                badEntries.Add(entry);
            }
        }

        return variables.ToImmutable();
    }
}
