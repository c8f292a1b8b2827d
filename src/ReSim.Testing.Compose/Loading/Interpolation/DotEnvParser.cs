using System.Text;
using System.Text.RegularExpressions;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>Reads the <c>KEY=VALUE</c> lines of a <c>.env</c> or <c>env_file</c> file, with compose's quoting rules.</summary>
internal static partial class DotEnvParser
{
    public static List<DotEnvEntry> Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var entries = new List<DotEnvEntry>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? line : line[..equals]).Trim();
            if (!KeyPattern().IsMatch(key))
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidValue,
                    new SourceLocation(displayPath, index + 1, 1),
                    $"The line `{lines[index].Trim()}` of {displayPath} is not `KEY=VALUE`.",
                    "Write one `KEY=VALUE` per line; the key is letters, digits, `_`, `.` and `-`, and starts with a letter or `_`.");
                continue;
            }

            entries.Add(new DotEnvEntry(key, equals < 0 ? null : Unquote(line[(equals + 1)..].Trim()), index + 1));
        }

        return entries;
    }

    private static string Unquote(string raw)
    {
        if (raw.Length >= 2 && raw[0] == '\'' && raw.IndexOf('\'', 1) is var single and > 0)
        {
            return raw[1..single];
        }

        if (raw.Length >= 2 && raw[0] == '"')
        {
            var builder = new StringBuilder();
            for (var i = 1; i < raw.Length && raw[i] != '"'; i++)
            {
                if (raw[i] == '\\' && i + 1 < raw.Length)
                {
                    i++;
                    builder.Append(raw[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                }
                else
                {
                    builder.Append(raw[i]);
                }
            }

            return builder.ToString();
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment < 0 ? raw : raw[..comment]).TrimEnd();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
