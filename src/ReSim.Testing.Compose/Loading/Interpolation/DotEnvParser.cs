using System.Text;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>Reads a <c>.env</c> or <c>env_file</c> file with compose-go's grammar (its dotenv package; cases in Conformance/dotenv-*.json).</summary>
/// <remarks>
/// <c>KEY=VALUE</c> or <c>KEY: VALUE</c>, optionally after <c>export</c>; a bare <c>KEY</c> line takes the variable from outside
/// or sets nothing. Keys are letters, digits, <c>_ . - [ ]</c>. Unquoted values end at the line's end or at <c> #</c> and are
/// trimmed; single-quoted values are literal; double-quoted values may span lines, expand <c>\n \t \\ \" \$ \0NNN ...</c>
/// (other escapes keep their backslash). Unquoted and double-quoted values are interpolated, looking up the outside
/// variables first, then keys set earlier. A repeated key keeps its last value. Stops at the first malformed line.
/// </remarks>
internal sealed class DotEnvParser
{
    private readonly string text;
    private readonly string displayPath;
    private readonly string kind;
    private readonly VariableLookup outside;
    private readonly VariableLookup lookup;
    private readonly Dictionary<string, string> values;
    private readonly DiagnosticBag diagnostics;
    private readonly TextPositions positions;
    private readonly List<InterpolationIssue> issues = [];
    private int pos;

    private DotEnvParser(string text, string displayPath, VariableLookup outside, Dictionary<string, string> values, DiagnosticBag diagnostics, string kind)
    {
        this.kind = kind;
        this.text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        this.displayPath = displayPath;
        this.outside = outside;
        this.values = values;
        this.diagnostics = diagnostics;
        lookup = outside.Then(values);
        positions = new TextPositions(this.text);
    }

    /// <summary>Parses <paramref name="text"/> into <paramref name="values"/>, which may already hold keys of earlier files.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="displayPath">The file as messages name it.</param>
    /// <param name="outside">Where <c>${NAME}</c> looks after the file's own earlier keys.</param>
    /// <param name="values">Receives the keys; it may hold those of earlier files.</param>
    /// <param name="diagnostics">Receives the syntax errors.</param>
    /// <param name="kind">What the file is, for messages: <c>env file</c> or <c>label file</c>.</param>
    public static void Parse(string text, string displayPath, VariableLookup outside, Dictionary<string, string> values, DiagnosticBag diagnostics, string kind = "env file") =>
        new DotEnvParser(text, displayPath, outside, values, diagnostics, kind).ReadAll();

    private void ReadAll()
    {
        while (SkipToStatement())
        {
            var start = pos;
            if (ReadKey() is not var (key, inherited))
            {
                return;
            }

            if (key.Contains(' ', StringComparison.Ordinal))
            {
                Error(start, $"The key `{key}` contains a space.", "Write one `KEY=VALUE` per line; keys have no spaces, and a value with spaces after `=` needs no quotes.");
                return;
            }

            if (inherited)
            {
                if (outside.TryGet(key, out var fromOutside))
                {
                    values[key] = fromOutside;
                }

                continue;
            }

            if (ReadValue(key) is not { } value)
            {
                return;
            }

            values[key] = value;
        }
    }

    private bool SkipToStatement()
    {
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                return false;
            }

            if (text[pos] != '#')
            {
                return true;
            }

            var newline = text.IndexOf('\n', pos);
            if (newline < 0)
            {
                return false;
            }

            pos = newline;
        }
    }

    private (string Key, bool Inherited)? ReadKey()
    {
        if (string.CompareOrdinal(text, pos, "export", 0, 6) == 0 && pos + 6 < text.Length && text[pos + 6] is '\t' or '\n' or '\f' or '\r' or ' ')
        {
            pos += 6;
            SkipSpaces();
        }

        var start = pos;
        for (var i = start; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (IsSpace(text[i]) || rune.Value is '_' or '.' or '-' or '[' or ']' || Rune.IsLetter(rune) || Rune.IsNumber(rune))
            {
                continue;
            }

            if (rune.Value is not ('=' or ':' or '\n'))
            {
                var lineEnd = text.IndexOf('\n', start);
                var line = text[start..(lineEnd < 0 ? text.Length : lineEnd)];
                Error(i, $"Unexpected character `{rune}` in the variable name of `{line}`.", "Keys are letters, digits, `_`, `.`, `-`, `[` and `]`; write `KEY=VALUE`, one per line, and `#` for a comment.");
                return null;
            }

            pos = i + 1;
            SkipSpaces();
            return (text[start..i].TrimEnd(), rune.Value == '\n');
        }

        // A last line with neither `=` nor a line break is, as in compose-go, the value of an empty key.
        return (string.Empty, false);
    }

    private string? ReadValue(string key)
    {
        var valueStart = pos;
        if (pos >= text.Length || text[pos] is not ('"' or '\''))
        {
            var newline = text.IndexOf('\n', pos);
            var raw = text[pos..(newline < 0 ? text.Length : newline)];
            pos = newline < 0 ? text.Length : newline + 1;
            var comment = raw.IndexOf(" #", StringComparison.Ordinal);
            return Interpolate((comment < 0 ? raw : raw[..comment]).TrimEnd(), key, valueStart);
        }

        var quote = text[pos];
        var chars = new StringBuilder();
        var escaped = false;
        for (var i = pos + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote && !escaped)
            {
                pos = i + 1;
                return quote == '"' ? Interpolate(DotEnvEscapes.Expand(chars.ToString()), key, valueStart) : chars.ToString();
            }

            if (c == '\\' && !escaped)
            {
                escaped = true;
                continue;
            }

            if (escaped && c != quote)
            {
                chars.Append('\\');
            }

            escaped = false;
            chars.Append(c);
        }

        Error(valueStart, $"The value of `{key}` starts with {quote} but its closing {quote} is missing.", $"Close the quote; a quoted value may span lines, and a {quote} inside it is written \\{quote}.");
        return null;
    }

    private string Interpolate(string value, string key, int at)
    {
        issues.Clear();
        var result = InterpolationTemplate.Substitute(value, lookup, issues);
        foreach (var issue in issues)
        {
            Interpolator.Report(diagnostics, issue, positions.Locate(displayPath, at), $"{key} of {displayPath}");
        }

        return result;
    }

    private void SkipSpaces()
    {
        while (pos < text.Length && IsSpace(text[pos]))
        {
            pos++;
        }
    }

    private void Error(int at, string message, string hint) =>
        diagnostics.Error(DiagnosticCodes.DotEnvSyntax, positions.Locate(displayPath, at), $"{displayPath} is not a valid {kind}: {message}", hint);

    // Spaces within a line; a line break ends a key or a value.
    private static bool IsSpace(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0';
}
