using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ReSim.Testing.Compose.Loading.Parsing;

/// <summary>
/// The parse stage: reads YAML (or JSON) events and builds a tree of positioned nodes, resolving anchors,
/// aliases and <c>&lt;&lt;</c> merge keys.
/// </summary>
/// <remarks>
/// Reads events iteratively rather than through YamlDotNet's representation model so that nesting depth
/// and alias expansion are counted, and hostile input is stopped, before anything grows.
/// </remarks>
internal sealed class YamlTreeReader
{
    private readonly SourceDocument document;
    private readonly LoadLimits limits;
    private readonly DiagnosticBag diagnostics;
    private readonly Stack<TreeFrame> stack = new();
    private readonly Dictionary<string, (ComposeNode Node, long Weight)> anchors = new(StringComparer.Ordinal);
    private readonly List<ComposeNode> roots = [];
    private long aliasExpansion;
    private Mark lastGoodMark = Mark.Empty;

    private YamlTreeReader(SourceDocument document, LoadLimits limits, DiagnosticBag diagnostics)
    {
        this.document = document;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    /// <summary>Parses <paramref name="text"/>: the root node of each of its YAML documents (<c>---</c>), in order, or
    /// <see langword="null"/> when the text is broken (then diagnosed); empty when it holds nothing.</summary>
    public static IReadOnlyList<ComposeNode>? Read(string text, SourceDocument document, LoadLimits limits, DiagnosticBag diagnostics)
    {
        var reader = new YamlTreeReader(document, limits, diagnostics);
        const string hint = "Fix the YAML syntax at this line; indentation, tabs and unclosed quotes or brackets are the usual causes.";
        try
        {
            return reader.ReadAll(new Parser(new StringReader(text))) ? reader.roots : null;
        }
        catch (YamlException exception)
        {
            var (line, column) = SyntaxErrorLocator.Locate(exception.Start, reader.lastGoodMark, text);
            reader.Fail(DiagnosticCodes.MalformedYaml, line, column, $"The file is not well-formed YAML: {Clean(exception.Message)}", hint, stop: true);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unclosed flow collections.
            var (line, column) = SyntaxErrorLocator.Locate(Mark.Empty, reader.lastGoodMark, text);
            reader.Fail(DiagnosticCodes.MalformedYaml, line, column, "The file is not well-formed YAML after this point: a `[`, `{` or quote is not closed.", hint, stop: true);
            return null;
        }
    }

    private static string Clean(string message) =>
        message.StartsWith('(') && message.IndexOf("): ", StringComparison.Ordinal) is var end and > 0 ? message[(end + 3)..] : message;

    private bool ReadAll(Parser parser)
    {
        while (parser.MoveNext())
        {
            var ok = parser.Current switch
            {
                // Anchors belong to their document.
                DocumentStart => Clear(anchors),
                Scalar scalar => OnScalar(scalar),
                AnchorAlias alias => OnAlias(alias),
                MappingStart start => Push(start, isMapping: true),
                SequenceStart start => Push(start, isMapping: false),
                MappingEnd or SequenceEnd => Pop(),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }

            lastGoodMark = parser.Current!.End;
        }

        return true;
    }

    private static bool Clear<TKey, TValue>(Dictionary<TKey, TValue> map)
        where TKey : notnull
    {
        map.Clear();
        return true;
    }

    private bool OnScalar(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? MergeTag.None : ComposeNode.TagOf(scalar.Tag.Value);
        var plain = scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific || tag != MergeTag.None);
        var kind = !scalar.Tag.IsEmpty && scalar.Tag.Value.EndsWith(":str", StringComparison.Ordinal)
            ? ScalarKind.String
            : ScalarNode.Resolve(scalar.Value, plain);
        var node = new ScalarNode(document, (int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Value, kind) { Tag = tag };
        return Complete(node, scalar.Anchor, 1);
    }

    private bool OnAlias(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var target))
        {
            return Fail(DiagnosticCodes.MalformedYaml, alias.Start, $"The alias `*{alias.Value.Value}` refers to no anchor defined before it.", $"Define `&{alias.Value.Value}` on a node above this line, or fix the alias name.");
        }

        aliasExpansion = aliasExpansion > long.MaxValue - target.Weight ? long.MaxValue : aliasExpansion + target.Weight;
        if (aliasExpansion > limits.MaxAliasExpansion)
        {
            return Fail(DiagnosticCodes.AliasExpansionLimit, alias.Start, string.Create(CultureInfo.InvariantCulture, $"YAML aliases expand to more than {limits.MaxAliasExpansion:N0} nodes (an alias bomb, such as \"billion laughs\")."), "Use anchors and aliases for small shared fragments only; a compose file never needs this many.");
        }

        return AddToParent(target.Node, target.Weight);
    }

    private bool Push(NodeEvent start, bool isMapping)
    {
        if (stack.Count >= limits.MaxDepth)
        {
            return Fail(DiagnosticCodes.NestingTooDeep, start.Start, string.Create(CultureInfo.InvariantCulture, $"The YAML nests deeper than {limits.MaxDepth} levels."), "Flatten the structure; a compose file needs fewer than ten levels.");
        }

        var tag = start.Tag.IsEmpty ? MergeTag.None : ComposeNode.TagOf(start.Tag.Value);
        stack.Push(new TreeFrame(isMapping, start.Start, start.Anchor.IsEmpty ? null : start.Anchor.Value) { Tag = tag });
        return true;
    }

    private bool Pop()
    {
        var frame = stack.Pop();
        ComposeNode node = frame.IsMapping
            ? new MappingNode(document, (int)frame.Start.Line, (int)frame.Start.Column, frame.BuildEntries()) { Tag = frame.Tag }
            : new SequenceNode(document, (int)frame.Start.Line, (int)frame.Start.Column, [.. frame.Items]) { Tag = frame.Tag };
        return Complete(node, frame.Anchor is null ? AnchorName.Empty : new AnchorName(frame.Anchor), frame.Weight);
    }

    private bool Complete(ComposeNode node, AnchorName anchor, long weight)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (node, weight);
        }

        return AddToParent(node, weight);
    }

    private bool AddToParent(ComposeNode node, long weight)
    {
        if (!stack.TryPeek(out var parent))
        {
            roots.Add(node);
            return true;
        }

        parent.Weight = parent.Weight > long.MaxValue - weight ? long.MaxValue : parent.Weight + weight;
        var problem = parent.Add(node);
        return problem is null || Fail(problem.Value.Code, problem.Value.Node.Line, problem.Value.Node.Column, problem.Value.Message, problem.Value.Hint, stop: false);
    }

    private bool Fail(string code, Mark mark, string message, string hint) =>
        Fail(code, (int)mark.Line, (int)mark.Column, message, hint, stop: true);

    private bool Fail(string code, int line, int column, string message, string hint, bool stop)
    {
        diagnostics.Error(code, new SourceLocation(document.DisplayPath, line, column), message, hint);
        return !stop;
    }
}
