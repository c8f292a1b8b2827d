using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>A node of a parsed compose document, with the position it was read from.</summary>
/// <remarks>Nodes are immutable; an alias shares the node of its anchor, so trees may share subtrees.</remarks>
internal abstract class ComposeNode(SourceDocument document, int line, int column)
{
    public SourceDocument Document { get; } = document;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public SourceLocation Location => new(Document.DisplayPath, Line, Column);

    /// <summary>A word for the node's kind in messages: "a string", "a list", "a mapping".</summary>
    public abstract string Describe();
}
