using System.Collections.Immutable;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>depends_on</c>: a list becomes <c>{condition: service_started, required: true}</c> per service (R2).</summary>
internal static class DependsOnNormalizer
{
    public static ImmutableArray<ServiceDependency> Normalize(ComposeNode node, ServiceContext context)
    {
        var result = ImmutableArray.CreateBuilder<ServiceDependency>();
        switch (node)
        {
            case SequenceNode sequence when sequence.Items.All(i => i is ScalarNode { Kind: ScalarKind.String }):
                foreach (ScalarNode item in sequence.Items)
                {
                    context.Mark($"depends_on.{item.Value}", item);
                    result.Add(new ServiceDependency(item.Value));
                }

                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    context.Mark($"depends_on.{entry.Name}", entry.Key);
                    if (ReadLong(entry, context) is { } dependency)
                    {
                        result.Add(dependency);
                    }
                }

                break;
            default:
                context.WrongType(node, "depends_on", "a list of service names or a mapping", "Write `depends_on: [db]` or `depends_on: {db: {condition: service_healthy}}`.");
                break;
        }

        return result.ToImmutable();
    }

    private static ServiceDependency? ReadLong(MappingEntry entry, ServiceContext context)
    {
        var path = $"depends_on.{entry.Name}";
        if (entry.Value is ScalarNode { IsNull: true })
        {
            return new ServiceDependency(entry.Name);
        }

        if (entry.Value is not MappingNode details)
        {
            context.WrongType(entry.Value, path, "a mapping with `condition`", $"Write `{entry.Name}: {{condition: service_started}}`.");
            return null;
        }

        var condition = DependencyCondition.ServiceStarted;
        if (details.Get("condition") is { } conditionNode)
        {
            var text = conditionNode is ScalarNode scalar ? scalar.Value : null;
            DependencyCondition? parsed = text switch
            {
                "service_started" => DependencyCondition.ServiceStarted,
                "service_healthy" => DependencyCondition.ServiceHealthy,
                "service_completed_successfully" => DependencyCondition.ServiceCompletedSuccessfully,
                _ => null,
            };
            if (parsed is null)
            {
                context.Invalid(conditionNode, $"{path}.condition", ServiceContext.Show(conditionNode), "a depends_on condition", "Use `service_started`, `service_healthy` or `service_completed_successfully`.");
                return null;
            }

            condition = parsed.Value;
        }

        var required = details.Get("required") is { } requiredNode ? context.ReadBoolean(requiredNode, $"{path}.required") ?? true : true;
        return new ServiceDependency(entry.Name, condition, required);
    }
}
