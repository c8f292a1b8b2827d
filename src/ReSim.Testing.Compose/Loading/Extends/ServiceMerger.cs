using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>Merges a service over the service it extends, with compose's rules.</summary>
/// <remarks>
/// Mappings merge key by key (the extending service wins); <c>environment</c>, <c>labels</c> and
/// <c>depends_on</c> are turned into mappings first so that either form merges with the other;
/// <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c> are replaced; <c>env_file</c> is a list even when written as one path;
/// <c>volumes</c> merge by target; other lists are appended without duplicates; scalars are replaced.
/// A value tagged <c>!reset</c> removes the inherited key, one tagged <c>!override</c> replaces it whole (compose-go);
/// <see cref="ResetTags"/> removes what is still tagged <c>!reset</c> afterwards.
/// </remarks>
internal static class ServiceMerger
{
    private static readonly HashSet<string> ReplacedLists = new(StringComparer.Ordinal) { "command", "entrypoint", "test" };
    private static readonly HashSet<string> MappingLists = new(StringComparer.Ordinal) { "environment", "labels", "depends_on" };

    public static MappingNode Merge(MappingNode baseService, MappingNode overrides)
    {
        var entries = baseService.Entries.ToList();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            positions[entries[i].Name] = i;
        }

        var removed = new HashSet<int>();
        foreach (var entry in overrides.Entries)
        {
            if (!positions.TryGetValue(entry.Name, out var index))
            {
                positions[entry.Name] = entries.Count;
                entries.Add(entry);
            }
            else if (entry.Value.Tag == MergeTag.Reset)
            {
                removed.Add(index);
            }
            else
            {
                entries[index] = entry.Value.Tag == MergeTag.Override ? entry : entry with { Value = MergeValue(entry.Name, entries[index].Value, entry.Value) };
            }
        }

        return overrides.WithEntries([.. entries.Where((_, i) => !removed.Contains(i))]);
    }

    private static ComposeNode MergeValue(string key, ComposeNode baseValue, ComposeNode overrideValue)
    {
        if (baseValue.Tag == MergeTag.Reset)
        {
            return overrideValue;
        }

        if (key == "env_file")
        {
            baseValue = ToSequence(baseValue);
            overrideValue = ToSequence(overrideValue);
        }

        if (MappingLists.Contains(key))
        {
            baseValue = ListToMapping(baseValue);
            overrideValue = ListToMapping(overrideValue);
        }

        return (baseValue, overrideValue) switch
        {
            (MappingNode b, MappingNode o) => Merge(b, o),
            (SequenceNode b, SequenceNode o) when string.Equals(key, "volumes", StringComparison.Ordinal) => MergeByTarget(b, o),
            (SequenceNode b, SequenceNode o) when !ReplacedLists.Contains(key) => Append(b, o),
            _ => overrideValue,
        };
    }

    private static ComposeNode ToSequence(ComposeNode node) =>
        node is ScalarNode scalar ? new SequenceNode(scalar.Document, scalar.Line, scalar.Column, [scalar]) : node;

    private static ComposeNode ListToMapping(ComposeNode node)
    {
        if (node is not SequenceNode sequence || !sequence.Items.All(i => i is ScalarNode))
        {
            return node;
        }

        // A later item wins over an earlier one with the same key, keeping the first one's place.
        var entries = new List<MappingEntry>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ScalarNode item in sequence.Items)
        {
            var equals = item.Value.IndexOf('=', StringComparison.Ordinal);
            var key = new ScalarNode(item.Document, item.Line, item.Column, equals < 0 ? item.Value : item.Value[..equals], ScalarKind.String);
            var value = new ScalarNode(item.Document, item.Line, item.Column, equals < 0 ? string.Empty : item.Value[(equals + 1)..], equals < 0 ? ScalarKind.Null : ScalarKind.String);
            if (positions.TryGetValue(key.Value, out var position))
            {
                entries[position] = new MappingEntry(key, value);
            }
            else
            {
                positions[key.Value] = entries.Count;
                entries.Add(new MappingEntry(key, value));
            }
        }

        return new MappingNode(sequence.Document, sequence.Line, sequence.Column, [.. entries]);
    }

    private static SequenceNode MergeByTarget(SequenceNode baseList, SequenceNode overrides)
    {
        var overrideTargets = overrides.Items.Select(TargetOf).Where(t => t is not null).ToHashSet(StringComparer.Ordinal);
        return overrides.WithItems([.. baseList.Items.Where(i => TargetOf(i) is not { } target || !overrideTargets.Contains(target)), .. overrides.Items]);
    }

    private static string? TargetOf(ComposeNode volume) => volume switch
    {
        ScalarNode scalar => scalar.Value.Split(':') is { Length: >= 2 } parts ? parts[1] : scalar.Value,
        MappingNode mapping => (mapping.Get("target") as ScalarNode)?.Value,
        _ => null,
    };

    private static SequenceNode Append(SequenceNode baseList, SequenceNode overrides)
    {
        var overridden = overrides.Items.OfType<ScalarNode>().Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        return overrides.WithItems([.. baseList.Items.Where(i => i is not ScalarNode scalar || !overridden.Contains(scalar.Value)), .. overrides.Items]);
    }
}
