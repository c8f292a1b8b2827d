using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using YamlDotNet.Core;

namespace ReSim.Testing.Compose.Loading.Parsing;

/// <summary>A mapping or sequence still being read by <see cref="YamlTreeReader"/>.</summary>
internal sealed class TreeFrame(bool isMapping, Mark start, string? anchor)
{
    private const string MergeKey = "<<";
    private readonly List<MappingEntry> entries = [];
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly List<MappingNode> mergeSources = [];
    private ScalarNode? pendingKey;
    private bool skipNextValue;

    public bool IsMapping { get; } = isMapping;

    public Mark Start { get; } = start;

    public string? Anchor { get; } = anchor;

    public MergeTag Tag { get; init; }

    public List<ComposeNode> Items { get; } = [];

    public long Weight { get; set; } = 1;

    public TreeProblem? Add(ComposeNode node)
    {
        if (!IsMapping)
        {
            Items.Add(node);
            return null;
        }

        if (skipNextValue)
        {
            skipNextValue = false;
            return null;
        }

        if (pendingKey is null)
        {
            if (node is ScalarNode key)
            {
                // compose-go refuses a key that YAML reads as a number, boolean or null ("non-string key"), wherever it is;
                // the key is kept as written so that the rest of the file is still checked.
                pendingKey = key;
                return key.Kind == ScalarKind.String
                    ? null
                    : new TreeProblem(DiagnosticCodes.WrongType, key, $"The mapping key `{key.Value}` is {key.Describe()}, not a string; compose refuses non-string keys.", $"Quote the key: `\"{key.Value}\":`.");
            }

            skipNextValue = true;
            return new TreeProblem(DiagnosticCodes.WrongType, node, $"A mapping key is {node.Describe()}; compose keys must be strings.", "Write the key as a plain string.");
        }

        var entryKey = pendingKey;
        pendingKey = null;
        return string.Equals(entryKey.Value, MergeKey, StringComparison.Ordinal)
            ? AddMergeSource(entryKey, node)
            : AddEntry(entryKey, node);
    }

    public ImmutableArray<MappingEntry> BuildEntries()
    {
        var builder = ImmutableArray.CreateBuilder<MappingEntry>(entries.Count);
        var seen = new HashSet<string>(keys, StringComparer.Ordinal);
        builder.AddRange(entries);

        // YAML merge keys: explicit keys win, then earlier merge sources win over later ones.
        foreach (var source in mergeSources)
        {
            foreach (var entry in source.Entries)
            {
                if (seen.Add(entry.Name))
                {
                    builder.Add(entry);
                }
            }
        }

        return builder.ToImmutable();
    }

    private TreeProblem? AddEntry(ScalarNode key, ComposeNode value)
    {
        if (!keys.Add(key.Value))
        {
            return new TreeProblem(DiagnosticCodes.DuplicateKey, key, $"The key `{key.Value}` appears twice in the same mapping; the first one is kept.", $"Remove one of the two `{key.Value}` keys.");
        }

        entries.Add(new MappingEntry(key, value));
        return null;
    }

    private TreeProblem? AddMergeSource(ScalarNode key, ComposeNode value)
    {
        switch (value)
        {
            case MappingNode mapping:
                mergeSources.Add(mapping);
                return null;
            case SequenceNode sequence when sequence.Items.All(i => i is MappingNode):
                mergeSources.AddRange(sequence.Items.Cast<MappingNode>());
                return null;
            default:
                return new TreeProblem(DiagnosticCodes.WrongType, key, $"The merge key `<<` takes a mapping or a list of mappings, not {value.Describe()}.", "Point `<<` at an anchored mapping, such as `<<: *defaults`.");
        }
    }
}
