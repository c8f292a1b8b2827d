using System.Text;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>Compose's variable substitution on one string: <c>$V</c>, <c>${V}</c>, <c>${V:-d}</c>, <c>${V-d}</c>, <c>${V:?e}</c>, <c>${V?e}</c>, <c>${V:+r}</c>, <c>${V+r}</c> and <c>$$</c> (R2).</summary>
/// <remarks>
/// Reads a string exactly as compose-go's template package does (tests/.../Conformance/template.json holds its cases):
/// a <c>$</c> that starts neither a name, <c>$</c> nor <c>{</c> is kept as written (<c>sh -c 'echo $1'</c>, <c>^REGEX$</c>);
/// a <c>${</c> that is not <c>${NAME}</c> or <c>${NAME</c> + operator + ... + <c>}</c> is an invalid template;
/// the argument of an operator runs to the brace that balances the opening one (so <c>${J:-{"a":1}}</c> defaults to
/// <c>{"a":1}</c>), and may itself hold expressions, which are only evaluated when used.
/// </remarks>
internal static class InterpolationTemplate
{
    public static string Substitute(string input, VariableLookup variables, List<InterpolationIssue> issues)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var dollar = input.IndexOf('$', i);
            if (dollar < 0)
            {
                output.Append(input, i, input.Length - i);
                break;
            }

            output.Append(input, i, dollar - i);
            i = SubstituteAt(input, dollar, variables, issues, output);
        }

        return output.ToString();
    }

    private static int SubstituteAt(string input, int dollar, VariableLookup variables, List<InterpolationIssue> issues, StringBuilder output)
    {
        var next = dollar + 1 < input.Length ? input[dollar + 1] : '\0';
        if (next == '$')
        {
            output.Append('$');
            return dollar + 2;
        }

        if (IsNameStart(next))
        {
            var end = NameEnd(input, dollar + 1);
            output.Append(Lookup(input[(dollar + 1)..end], variables, issues));
            return end;
        }

        if (next != '{')
        {
            output.Append('$');
            return dollar + 1;
        }

        var close = MatchEnd(input, dollar + 2);
        if (close < 0)
        {
            var shown = input[dollar..Math.Min(input.Length, dollar + 20)];
            issues.Add(new InterpolationIssue(InterpolationIssueKind.InvalidSyntax, shown));
            return dollar + 2;
        }

        output.Append(Braced(input[dollar..(close + 1)], variables, issues));
        return close + 1;
    }

    /// <summary>Where a <c>${</c> expression starting its name at <paramref name="from"/> ends: the <c>}</c> right after the name, or after an operator the last <c>}</c> of the line; -1 when it is no expression.</summary>
    private static int MatchEnd(string input, int from)
    {
        if (from >= input.Length || !IsNameStart(input[from]))
        {
            return -1;
        }

        var nameEnd = NameEnd(input, from);
        if (nameEnd >= input.Length)
        {
            return -1;
        }

        if (input[nameEnd] == '}')
        {
            return nameEnd;
        }

        var operatorAt = input[nameEnd] == ':' ? nameEnd + 1 : nameEnd;
        if (operatorAt >= input.Length || input[operatorAt] is not ('-' or '+' or '?'))
        {
            return -1;
        }

        var lineEnd = input.IndexOf('\n', operatorAt);
        var last = input.LastIndexOf('}', (lineEnd < 0 ? input.Length : lineEnd) - 1);
        return last > operatorAt ? last : -1;
    }

    private static string Braced(string match, VariableLookup variables, List<InterpolationIssue> issues)
    {
        var close = BalancedClose(match);
        var expression = close < 0 ? match : match[..(close + 1)];
        var rest = close < 0 ? string.Empty : match[(close + 1)..];
        var body = expression[2..^1];
        var name = body[..NameEnd(body, 0)];
        if (name.Length == body.Length)
        {
            return Lookup(name, variables, issues);
        }

        var colon = body[name.Length] == ':';
        var op = body[name.Length + (colon ? 1 : 0)];
        var argument = body[(name.Length + (colon ? 2 : 1))..];
        var isSet = variables.TryGet(name, out var value);
        var counts = colon ? isSet && value.Length > 0 : isSet;
        switch (op)
        {
            case '-' when !counts:
                value = Substitute(argument, variables, issues);
                break;
            case '+' when counts:
                value = Substitute(argument, variables, issues);
                break;
            case '?' when !counts:
                issues.Add(new InterpolationIssue(InterpolationIssueKind.RequiredVariableMissing, name, Substitute(argument, variables, issues)));
                return string.Empty;
        }

        return value + Substitute(rest, variables, issues);
    }

    /// <summary>The index of the <c>}</c> that closes the first <c>{</c>, counting as compose-go does (the character after each <c>{</c> is skipped); -1 when none does.</summary>
    private static int BalancedClose(string text)
    {
        var open = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}' && --open == 0)
            {
                return i;
            }

            if (text[i] == '{')
            {
                open++;
                i++;
            }
        }

        return -1;
    }

    private static string Lookup(string name, VariableLookup variables, List<InterpolationIssue> issues)
    {
        if (variables.TryGet(name, out var value))
        {
            return value;
        }

        issues.Add(new InterpolationIssue(InterpolationIssueKind.UnsetVariable, name));
        return string.Empty;
    }

    // Go's case-insensitive [_a-z] also matches the Kelvin sign and the long s, which fold to k and s.
    private static bool IsNameStart(char c) => c is '_' or '\u212A' or '\u017F' || char.IsAsciiLetter(c);

    private static int NameEnd(string input, int from)
    {
        var end = from;
        while (end < input.Length && (IsNameStart(input[end]) || char.IsAsciiDigit(input[end])))
        {
            end++;
        }

        return end;
    }
}
