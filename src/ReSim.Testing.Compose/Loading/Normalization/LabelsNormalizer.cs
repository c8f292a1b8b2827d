using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>labels</c> (map or <c>key=value</c> list) and <c>label_file</c>, and checks ReSim's labels (R5, R6).</summary>
/// <remarks>
/// A <c>label_file</c> (a path or a list of them, relative to the file that names it) holds <c>KEY=VALUE</c> lines in the
/// <c>.env</c> syntax; its labels come first, in file order, and <c>labels</c> override them, as compose does. As in
/// compose, a key is letters, digits, <c>_ . - [ ]</c> (so a <c>resim.ai/...</c> label belongs under <c>labels</c>), and
/// <c>${NAME}</c> takes the value of a label read before, not the environment. The files are read as <c>env_file</c>s are:
/// regular files only, size-bounded.
/// </remarks>
internal static class LabelsNormalizer
{
    private static readonly HashSet<string> KnownResimLabels = new(StringComparer.Ordinal)
    {
        ServiceDefinition.OrchestratorLabel, "resim.ai/ignoreContainerNotFinished", "resim.ai/containerPriority",
    };

    public static ImmutableSortedDictionary<string, string> Normalize(ComposeNode? node, ComposeNode? labelFile, ServiceContext context, IDocumentReader loader)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (labelFile is not null)
        {
            ReadLabelFiles(labelFile, labels, context, loader);
        }

        switch (node)
        {
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value is not ScalarNode value)
                    {
                        context.WrongType(entry.Value, $"labels.{entry.Name}", "a string", "Give the label one value.");
                        continue;
                    }

                    Add(labels, entry.Key, value.IsNull ? string.Empty : value.Kind == ScalarKind.Boolean ? value.Value.ToLowerInvariant() : value.Value, value, context);
                }

                break;
            case SequenceNode sequence when sequence.Items.All(i => i is ScalarNode { Kind: ScalarKind.String }):
                foreach (ScalarNode item in sequence.Items)
                {
                    var equals = item.Value.IndexOf('=', StringComparison.Ordinal);
                    var key = new ScalarNode(item.Document, item.Line, item.Column, equals < 0 ? item.Value : item.Value[..equals], ScalarKind.String);
                    Add(labels, key, equals < 0 ? string.Empty : item.Value[(equals + 1)..], item, context);
                }

                break;
            case null:
                break;
            default:
                context.WrongType(node, "labels", "a mapping or a list of `key=value` strings", "Write `labels: {key: value}` or `labels: [\"key=value\"]`.");
                break;
        }

        return labels.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private static void ReadLabelFiles(ComposeNode node, SortedDictionary<string, string> labels, ServiceContext context, IDocumentReader loader)
    {
        IEnumerable<ComposeNode> items = node is SequenceNode sequence ? sequence.Items : [node];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not ScalarNode { Kind: ScalarKind.String } pathNode)
            {
                context.WrongType(item, "label_file", "a path or a list of paths", "Write `label_file: app.labels` or `label_file: [a.labels, b.labels]`.");
                continue;
            }

            var fullPath = pathNode.Document.Resolve(pathNode.Value);
            var display = Path.Combine(Path.GetDirectoryName(pathNode.Document.DisplayPath) ?? string.Empty, pathNode.Value).Replace('\\', '/');
            if (!loader.Exists(fullPath))
            {
                context.Diagnostics.Error(DiagnosticCodes.FileNotFound, pathNode.Location, $"`label_file` of service `{context.Service}` names `{pathNode.Value}`, which does not exist ({fullPath}).", "Create the file, or fix the path (relative to the compose file's folder).", context.PathOf("label_file"));
                continue;
            }

            if (loader.ReadText(fullPath, display, pathNode, context.PathOf("label_file")) is not { } text)
            {
                continue;
            }

            var read = new Dictionary<string, string>(values, StringComparer.Ordinal);
            DotEnvParser.Parse(text, display, VariableLookup.Empty, read, context.Diagnostics, "label file");
            foreach (var (key, value) in read)
            {
                values[key] = value;
                Add(labels, new ScalarNode(pathNode.Document, pathNode.Line, pathNode.Column, key, ScalarKind.String), value, pathNode, context);
            }
        }
    }

    private static void Add(SortedDictionary<string, string> labels, ScalarNode key, string value, ComposeNode valueNode, ServiceContext context)
    {
        context.Mark($"labels.{key.Value}", key);
        if (string.Equals(key.Value, ServiceDefinition.OrchestratorLabel, StringComparison.Ordinal))
        {
            if (!value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                context.Diagnostics.Error(DiagnosticCodes.MalformedOrchestratorLabel, valueNode.Location, $"The label `{key.Value}` of {context.Owner} is `{value}`; it must be true or false.", $"Write `{key.Value}: \"true\"` to make the service a test orchestrator (R5), or remove the label.", context.PathOf($"labels.{key.Value}"));
            }

            value = value.ToLowerInvariant();
        }
        else if (key.Value.StartsWith("resim.ai/", StringComparison.Ordinal) && !KnownResimLabels.Contains(key.Value))
        {
            context.Diagnostics.Warning(DiagnosticCodes.UnknownResimLabel, key.Location, $"The label `{key.Value}` of {context.Owner} is not one ReSim knows; it has no effect.", $"Check the spelling; ReSim's labels are {string.Join(", ", KnownResimLabels.Order(StringComparer.Ordinal))}.", context.PathOf($"labels.{key.Value}"));
        }

        labels[key.Value] = value;
    }
}
