using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>Removes every key and list item tagged <c>!reset</c>, as compose-go does when it reads a file; run after <c>extends</c> is merged.</summary>
internal static class ResetTags
{
    /// <summary><paramref name="node"/> without its <c>!reset</c> parts (the same node when it has none); <see langword="null"/> when it is itself reset.</summary>
    public static ComposeNode? Strip(ComposeNode node)
    {
        switch (node)
        {
            case { Tag: MergeTag.Reset }:
                return null;
            case MappingNode mapping:
                var entries = mapping.Entries.Select(e => (Entry: e, Value: Strip(e.Value))).ToList();
                return entries.All(e => ReferenceEquals(e.Value, e.Entry.Value))
                    ? mapping
                    : mapping.WithEntries([.. entries.Where(e => e.Value is not null).Select(e => e.Entry with { Value = e.Value! })]);
            case SequenceNode sequence:
                var items = sequence.Items.Select(Strip).ToList();
                return items.Select((item, i) => ReferenceEquals(item, sequence.Items[i])).All(same => same)
                    ? sequence
                    : sequence.WithItems([.. items.OfType<ComposeNode>()]);
            default:
                return node;
        }
    }
}
