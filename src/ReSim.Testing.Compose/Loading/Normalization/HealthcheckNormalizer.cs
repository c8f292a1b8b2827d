using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>healthcheck</c>: a string test becomes <c>["CMD-SHELL", test]</c>; <c>disable: true</c> becomes <c>["NONE"]</c>.</summary>
internal static class HealthcheckNormalizer
{
    public static HealthcheckDefinition? Normalize(ComposeNode node, ServiceContext context)
    {
        if (node is not MappingNode mapping)
        {
            context.WrongType(node, "healthcheck", "a mapping", "Write `healthcheck: {test: [\"CMD\", \"true\"], interval: 10s}`.");
            return null;
        }

        var result = new HealthcheckDefinition();
        foreach (var entry in mapping.Entries)
        {
            var key = $"healthcheck.{entry.Name}";
            result = entry.Name switch
            {
                "test" => result with { Test = ReadTest(entry.Value, context) },
                "interval" => result with { Interval = context.ReadDuration(entry.Value, key) },
                "timeout" => result with { Timeout = context.ReadDuration(entry.Value, key) },
                "start_period" => result with { StartPeriod = context.ReadDuration(entry.Value, key) },
                "start_interval" => result with { StartInterval = context.ReadDuration(entry.Value, key) },
                "retries" => result with { Retries = (int?)context.ReadInteger(entry.Value, key) },
                "disable" => context.ReadBoolean(entry.Value, key) == true ? result with { Test = ["NONE"] } : result,
                _ => Ignore(entry, context, result),
            };
        }

        return result;
    }

    private static ImmutableArray<string> ReadTest(ComposeNode node, ServiceContext context)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } text)
        {
            return ["CMD-SHELL", text.Value];
        }

        var list = context.ReadStringList(node, "healthcheck.test") ?? [];
        if (list.Length > 0 && list[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
        {
            context.Invalid(node, "healthcheck.test", list[0], "CMD, CMD-SHELL or NONE", "Start the list with `CMD` (run directly) or `CMD-SHELL` (run with the shell), or write the test as a string.");
            return [];
        }

        return list;
    }

    private static HealthcheckDefinition Ignore(MappingEntry entry, ServiceContext context, HealthcheckDefinition result)
    {
        context.Diagnostics.Warning(DiagnosticCodes.IgnoredKey, entry.Key.Location, $"`healthcheck.{entry.Name}` of service `{context.Service}` is not a health check option; it is ignored.", "Remove it, or fix its spelling (test, interval, timeout, retries, start_period, start_interval, disable).", context.PathOf($"healthcheck.{entry.Name}"));
        return result;
    }
}
