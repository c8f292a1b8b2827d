using System.Globalization;
using System.Text.RegularExpressions;

namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>A scalar: its text and, for plain (unquoted) scalars, its core-schema type.</summary>
internal sealed partial class ScalarNode(SourceDocument document, int line, int column, string value, ScalarKind kind)
    : ComposeNode(document, line, column)
{
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = kind;

    public bool IsNull => Kind == ScalarKind.Null;

    /// <summary>Resolves a plain scalar's type the way YAML 1.2's core schema (and compose-go's yaml.v3) does.</summary>
    public static ScalarKind Resolve(string value, bool plain)
    {
        if (!plain)
        {
            return ScalarKind.String;
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ when IntegerPattern().IsMatch(value) => ScalarKind.Integer,
            _ when FloatPattern().IsMatch(value) => ScalarKind.Float,
            _ => ScalarKind.String,
        };
    }

    public bool TryGetBoolean(out bool result)
    {
        result = Kind == ScalarKind.Boolean && Value[0] is 't' or 'T';
        return Kind == ScalarKind.Boolean;
    }

    public bool TryGetInteger(out long result) =>
        long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    public bool TryGetDouble(out double result) =>
        double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);

    public ScalarNode WithValue(string newValue) =>
        new(Document, Line, Column, newValue, string.Equals(newValue, Value, StringComparison.Ordinal) ? Kind : ScalarKind.String) { Tag = Tag };

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => $"the boolean {Value}",
        ScalarKind.Integer or ScalarKind.Float => $"the number {Value}",
        _ => "a string",
    };

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
