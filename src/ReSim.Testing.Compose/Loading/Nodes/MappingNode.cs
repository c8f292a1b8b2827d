using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>A mapping with its entries in file order; keys are unique.</summary>
internal sealed class MappingNode(SourceDocument document, int line, int column, ImmutableArray<MappingEntry> entries)
    : ComposeNode(document, line, column)
{
    // Large mappings (thousands of services in a hostile file) get an index so that lookups stay O(1).
    private const int IndexThreshold = 16;
    private Dictionary<string, MappingEntry>? index;

    public ImmutableArray<MappingEntry> Entries { get; } = entries;

    public MappingEntry? Find(string key)
    {
        if (Entries.Length > IndexThreshold)
        {
            index ??= Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
            return index.GetValueOrDefault(key);
        }

        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Name, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public ComposeNode? Get(string key) => Find(key)?.Value;

    public MappingNode WithEntries(ImmutableArray<MappingEntry> newEntries) => new(Document, Line, Column, newEntries) { Tag = Tag };

    public MappingNode Without(string key) => WithEntries([.. Entries.Where(e => !string.Equals(e.Name, key, StringComparison.Ordinal))]);

    public override string Describe() => "a mapping";
}
