using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>labels</c> (map or <c>key=value</c> list) and checks ReSim's labels (R5, R6).</summary>
internal static class LabelsNormalizer
{
    private static readonly HashSet<string> KnownResimLabels = new(StringComparer.Ordinal)
    {
        ServiceDefinition.OrchestratorLabel, "resim.ai/ignoreContainerNotFinished", "resim.ai/containerPriority",
    };

    public static ImmutableSortedDictionary<string, string> Normalize(ComposeNode node, ServiceContext context)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
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
            default:
                context.WrongType(node, "labels", "a mapping or a list of `key=value` strings", "Write `labels: {key: value}` or `labels: [\"key=value\"]`.");
                break;
        }

        return labels.ToImmutableSortedDictionary(StringComparer.Ordinal);
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
