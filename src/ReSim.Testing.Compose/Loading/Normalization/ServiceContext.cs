using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Reads typed values out of one service's nodes, diagnosing wrong types with the key and the service's name.</summary>
/// <remarks>Also used for a top-level volume, with <c>volume</c> as <paramref name="ownerKind"/> and <c>volumes</c> as <paramref name="section"/>.</remarks>
internal sealed class ServiceContext(string service, DiagnosticBag diagnostics, SourceMap sourceMap, string ownerKind = "service", string section = "services")
{
    public string Service { get; } = service;

    /// <summary>How messages name the owner: "service `robot`".</summary>
    public string Owner => $"{ownerKind} `{Service}`";

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceMap SourceMap { get; } = sourceMap;

    public string PathOf(string key) => $"{section}.{Service}.{key}";

    public void Mark(string key, ComposeNode node) => SourceMap.Add(PathOf(key), node.Location);

    public void WrongType(ComposeNode node, string key, string expected, string hint) =>
        Diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"`{key}` of {Owner} is {node.Describe()}; it must be {expected}.", hint, PathOf(key));

    public void Invalid(ComposeNode node, string key, string value, string expected, string hint) =>
        Diagnostics.Error(DiagnosticCodes.InvalidValue, node.Location, $"`{key}` of {Owner} is `{value}`, which is not {expected}.", hint, PathOf(key));

    public void Missing(ComposeNode node, string key, string hint) =>
        Diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"`{key}` of {Owner} is missing.", hint, PathOf(key));

    public string? ReadString(ComposeNode node, string key)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        WrongType(node, key, "a string", $"Write `{key}` as a single value.");
        return null;
    }

    public ImmutableArray<string>? ReadStringList(ComposeNode node, string key)
    {
        if (node is SequenceNode sequence && sequence.Items.All(i => i is ScalarNode { IsNull: false }))
        {
            return [.. sequence.Items.Cast<ScalarNode>().Select(s => s.Value)];
        }

        WrongType(node, key, "a list of strings", $"Write `{key}` as a list, such as `[\"a\", \"b\"]`.");
        return null;
    }

    public ImmutableArray<string>? ReadCommand(ComposeNode node, string key)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.String } text when ShellWords.TrySplit(text.Value, out var words):
                return words;
            case ScalarNode { Kind: ScalarKind.String } text:
                Invalid(node, key, text.Value, "a complete command line (a quote is not closed)", "Close the quote, or write the command as a list.");
                return null;
            case SequenceNode:
                return ReadStringList(node, key);
            default:
                WrongType(node, key, "a string or a list of strings", $"Quote the value (`{key}: \"5\"`) or write it as a list (`{key}: [\"sleep\", \"5\"]`).");
                return null;
        }
    }

    public TimeSpan? ReadDuration(ComposeNode node, string key)
    {
        if (node is ScalarNode { IsNull: false } scalar && DurationParser.TryParse(scalar.Value, out var duration))
        {
            return duration;
        }

        Invalid(node, key, Show(node), "a duration", "Write a duration with units, such as `30s`, `1m30s` or `500ms`.");
        return null;
    }

    public long? ReadBytes(ComposeNode node, string key)
    {
        if (node is ScalarNode { IsNull: false } scalar && MemorySize.TryParse(scalar.Value, out var bytes))
        {
            // compose's `-1` (any negative size) means no limit.
            return bytes < 0 ? null : bytes;
        }

        Invalid(node, key, Show(node), "a memory size", "Write a size such as `512m`, `2g`, `1024k` or a number of bytes.");
        return null;
    }

    public double? ReadNumber(ComposeNode node, string key)
    {
        if (node is ScalarNode { IsNull: false } scalar && scalar.TryGetDouble(out var number) && number >= 0)
        {
            return number;
        }

        Invalid(node, key, Show(node), "a non-negative number", $"Write `{key}` as a number, such as `0.5` or `2`.");
        return null;
    }

    public long? ReadInteger(ComposeNode node, string key)
    {
        if (node is ScalarNode { IsNull: false } scalar && scalar.TryGetInteger(out var number) && number >= 0)
        {
            return number;
        }

        Invalid(node, key, Show(node), "a non-negative whole number", $"Write `{key}` as a whole number, such as `3`.");
        return null;
    }

    /// <summary>A boolean, or a string compose-go casts to one: <c>true</c>/<c>false</c> and YAML 1.1's <c>y</c>, <c>yes</c>, <c>on</c>, <c>n</c>, <c>no</c>, <c>off</c>, in any case.</summary>
    public bool? ReadBoolean(ComposeNode node, string key)
    {
        if (node is ScalarNode scalar && scalar.TryGetBoolean(out var value))
        {
            return value;
        }

        switch ((node as ScalarNode)?.Kind is ScalarKind.String ? ((ScalarNode)node).Value.ToLowerInvariant() : null)
        {
            case "true" or "y" or "yes" or "on":
                return true;
            case "false" or "n" or "no" or "off":
                return false;
        }

        Invalid(node, key, Show(node), "a boolean", $"Write `{key}: true` or `{key}: false`.");
        return null;
    }

    public static string Show(ComposeNode node) => node is ScalarNode scalar
        ? scalar.Value.Length > 60 ? string.Concat(scalar.Value.AsSpan(0, 60), "...") : scalar.Value
        : node.Describe();
}
