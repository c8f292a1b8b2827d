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

    /// <summary>A <c>!reset</c> or <c>!override</c> tag on the node, kept through interpolation until <c>extends</c> is merged.</summary>
    public MergeTag Tag { get; init; }

    /// <summary>The tag of a YAML node, as <see cref="Tag"/>.</summary>
    public static MergeTag TagOf(string? yamlTag) => yamlTag switch
    {
        "!reset" => MergeTag.Reset,
        "!override" => MergeTag.Override,
        _ => MergeTag.None,
    };

    /// <summary>A word for the node's kind in messages: "a string", "a list", "a mapping".</summary>
    public abstract string Describe();
}
