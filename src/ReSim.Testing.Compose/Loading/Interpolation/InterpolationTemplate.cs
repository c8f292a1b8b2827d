using System.Text;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>Compose's variable substitution on one string: <c>$V</c>, <c>${V}</c>, <c>${V:-d}</c>, <c>${V-d}</c>, <c>${V:?e}</c>, <c>${V?e}</c>, <c>${V:+r}</c>, <c>${V+r}</c> and <c>$$</c> (R2).</summary>
/// <remarks>Defaults, messages and replacements may themselves hold expressions, as in compose-go.</remarks>
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
            i = SubstituteOne(input, dollar, variables, issues, output);
        }

        return output.ToString();
    }

    private static int SubstituteOne(string input, int dollar, VariableLookup variables, List<InterpolationIssue> issues, StringBuilder output)
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

        var close = next == '{' ? FindClose(input, dollar + 2) : -1;
        if (close < 0)
        {
            var shown = input[dollar..Math.Min(input.Length, dollar + 12)];
            issues.Add(new InterpolationIssue(InterpolationIssueKind.InvalidSyntax, shown));
            output.Append(input, dollar, (next == '{' ? input.Length : dollar + 1) - dollar);
            return next == '{' ? input.Length : dollar + 1;
        }

        output.Append(Braced(input[(dollar + 2)..close], variables, issues));
        return close + 1;
    }

    private static string Braced(string body, VariableLookup variables, List<InterpolationIssue> issues)
    {
        var nameEnd = body.Length > 0 && IsNameStart(body[0]) ? NameEnd(body, 0) : 0;
        var name = body[..nameEnd];
        var rest = body[nameEnd..];
        if (name.Length == 0)
        {
            issues.Add(new InterpolationIssue(InterpolationIssueKind.InvalidSyntax, "${" + body + "}"));
            return string.Empty;
        }

        if (rest.Length == 0)
        {
            return Lookup(name, variables, issues);
        }

        var colon = rest[0] == ':';
        var op = colon && rest.Length > 1 ? rest[1] : rest[0];
        var argument = rest[(colon ? 2 : 1)..];
        var isSet = variables.TryGet(name, out var value);
        var counts = colon ? isSet && value.Length > 0 : isSet;
        switch (op)
        {
            case '-' when counts:
                return value;
            case '-':
                return Substitute(argument, variables, issues);
            case '?' when counts:
                return value;
            case '?':
                issues.Add(new InterpolationIssue(InterpolationIssueKind.RequiredVariableMissing, name, Substitute(argument, variables, issues)));
                return string.Empty;
            case '+':
                return counts ? Substitute(argument, variables, issues) : string.Empty;
            default:
                issues.Add(new InterpolationIssue(InterpolationIssueKind.InvalidSyntax, "${" + body + "}"));
                return string.Empty;
        }
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

    private static int FindClose(string input, int from)
    {
        var depth = 1;
        for (var i = from; i < input.Length; i++)
        {
            if (input[i] == '$' && i + 1 < input.Length && input[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (input[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static int NameEnd(string input, int from)
    {
        var end = from;
        while (end < input.Length && (input[end] == '_' || char.IsAsciiLetterOrDigit(input[end])))
        {
            end++;
        }

        return end;
    }
}
