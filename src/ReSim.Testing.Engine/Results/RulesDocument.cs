using System.Text.RegularExpressions;

namespace ReSim.Testing.Engine.Results;

/// <summary>
/// Where the description of the rules R1-R23 that results and messages cite is on this machine: <c>docs/rules.md</c>,
/// shipped in every ReSim.Testing package (and in the repository).
/// </summary>
public static partial class RulesDocument
{
    /// <summary>The document's path inside a package or the repository.</summary>
    public const string RelativePath = "docs/rules.md";

    /// <summary>Finds <see cref="RelativePath"/> in a folder above <paramref name="file"/>: the package a task or library assembly came from (<c>tasks/net8.0/</c>, <c>lib/net8.0/</c>), or a source checkout.</summary>
    /// <param name="file">A file or folder, such as an assembly's location.</param>
    /// <returns>The document's full path, or <see langword="null"/> when no folder up to six levels above holds it.</returns>
    public static string? Near(string? file) => PackagedDocument.Near(file, RelativePath);

    /// <summary>The line to put under a message that cites rules: <c>Rules R16, R20: /path/docs/rules.md</c>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="document">The document's path, or <see langword="null"/> when it is not known.</param>
    /// <returns>The line, or <see langword="null"/> when the message cites no rule or the document is not known.</returns>
    public static string? Line(string message, string? document)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (document is null)
        {
            return null;
        }

        var cited = Citation().Matches(message).Select(m => m.Value).Distinct(StringComparer.Ordinal).OrderBy(r => int.Parse(r[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return cited.Count == 0 ? null : $"Rules {string.Join(", ", cited)}: {document}";
    }

    [GeneratedRegex(@"\bR(?:[1-9]|1[0-9]|2[0-3])\b", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
