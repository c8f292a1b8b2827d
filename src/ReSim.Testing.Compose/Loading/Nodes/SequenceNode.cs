using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>A sequence (list) with its items in file order.</summary>
internal sealed class SequenceNode(SourceDocument document, int line, int column, ImmutableArray<ComposeNode> items)
    : ComposeNode(document, line, column)
{
    public ImmutableArray<ComposeNode> Items { get; } = items;

    public SequenceNode WithItems(ImmutableArray<ComposeNode> newItems) => new(Document, Line, Column, newItems) { Tag = Tag };

    public override string Describe() => "a list";
}
