using System.IO.Enumeration;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>
/// The experiences a pipeline picks by name with <c>-p:ComposeExperienceNames=compose-sim%3Bparking-*</c>: each pattern is an
/// experience's name (its <c>Name</c> metadata, or the compose file's name and the profile), <c>*</c> and <c>?</c> as wildcards,
/// ignoring case.
/// </summary>
internal static class ExperienceSelection
{
    /// <summary>Keeps the items whose name matches one of <paramref name="patterns"/>; all of them when there is no pattern.</summary>
    /// <typeparam name="T">What each experience comes with.</typeparam>
    /// <param name="experiences">The experiences, in item order.</param>
    /// <param name="name">Gives an experience's name.</param>
    /// <param name="patterns">The value of <c>ComposeExperienceNames</c>: patterns separated by <c>;</c>.</param>
    /// <param name="error">When a pattern matches no experience: which, and the names there are.</param>
    /// <returns>The selected experiences, in item order.</returns>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> experiences, Func<T, string> name, string? patterns, out string? error)
    {
        error = null;
        var wanted = (patterns ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0)
        {
            return experiences;
        }

        var unmatched = wanted.Where(p => !experiences.Any(e => Matches(name(e), p))).ToList();
        if (unmatched.Count > 0)
        {
            error = $"ComposeExperienceNames: {string.Join(", ", unmatched.Select(p => $"'{p}'"))} matches no experience. The experiences are: {string.Join(", ", experiences.Select(name))}. Name them as listed, with * for any characters.";
            return [];
        }

        return [.. experiences.Where(e => wanted.Any(p => Matches(name(e), p)))];
    }

    private static bool Matches(string name, string pattern) => FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true);
}
