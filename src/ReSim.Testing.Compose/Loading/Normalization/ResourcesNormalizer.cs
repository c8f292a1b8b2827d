using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>deploy</c>: <c>resources.limits</c> and <c>resources.reservations</c> (GPU devices included) are kept (R13), the rest is ignored with a warning (R3).</summary>
/// <remarks>
/// Inside <c>deploy.resources</c>, a key compose's schema does not have (other than <c>x-</c> keys) is an error, as
/// compose-go refuses it ("additional properties not allowed"): it is a typo, not a feature ReSim leaves out.
/// </remarks>
internal static class ResourcesNormalizer
{
    public static ServiceResources Normalize(ComposeNode node, ServiceContext context)
    {
        if (node is not MappingNode deploy)
        {
            context.WrongType(node, "deploy", "a mapping", "Write `deploy: {resources: {limits: {cpus: \"1\"}}}`.");
            return ServiceResources.None;
        }

        var result = ServiceResources.None;
        foreach (var entry in deploy.Entries)
        {
            if (entry.Name != "resources")
            {
                Ignore(entry, $"deploy.{entry.Name}", context);
            }
            else if (entry.Value is MappingNode resources)
            {
                result = ReadResources(resources, context);
            }
            else
            {
                context.WrongType(entry.Value, "deploy.resources", "a mapping", "Write `resources: {limits: ..., reservations: ...}`.");
            }
        }

        return result;
    }

    private static ServiceResources ReadResources(MappingNode resources, ServiceContext context)
    {
        var limits = ResourceLimits.None;
        var reservations = ResourceReservations.None;
        foreach (var entry in resources.Entries)
        {
            var key = $"deploy.resources.{entry.Name}";
            if (entry.Value is not MappingNode values)
            {
                if (entry.Name is "limits" or "reservations")
                {
                    context.WrongType(entry.Value, key, "a mapping", $"Write `{entry.Name}: {{cpus: \"1\", memory: 512m}}`.");
                }
                else
                {
                    Unknown(entry, key, "`limits` and `reservations`", context);
                }

                continue;
            }

            context.Mark(key, entry.Key);
            switch (entry.Name)
            {
                case "limits":
                    limits = ReadLimits(values, key, context);
                    break;
                case "reservations":
                    reservations = ReadReservations(values, key, context);
                    break;
                default:
                    Unknown(entry, key, "`limits` and `reservations`", context);
                    break;
            }
        }

        return new ServiceResources(limits, reservations);
    }

    private static ResourceLimits ReadLimits(MappingNode values, string path, ServiceContext context)
    {
        var limits = ResourceLimits.None;
        foreach (var entry in values.Entries)
        {
            var key = $"{path}.{entry.Name}";
            limits = entry.Name switch
            {
                "cpus" => limits with { Cpus = context.ReadNumber(entry.Value, key) },
                "memory" => limits with { MemoryBytes = context.ReadBytes(entry.Value, key) },
                "pids" => limits with { Pids = context.ReadInteger(entry.Value, key) },
                _ => Unknown(entry, key, "`cpus`, `memory` and `pids`", context, limits),
            };
        }

        return limits;
    }

    private static ResourceReservations ReadReservations(MappingNode values, string path, ServiceContext context)
    {
        var reservations = ResourceReservations.None;
        foreach (var entry in values.Entries)
        {
            var key = $"{path}.{entry.Name}";
            reservations = entry.Name switch
            {
                "cpus" => reservations with { Cpus = context.ReadNumber(entry.Value, key) },
                "memory" => reservations with { MemoryBytes = context.ReadBytes(entry.Value, key) },
                "devices" => reservations with { Devices = DeviceRequestReader.Read(entry.Value, key, context) },
                "generic_resources" => Ignore(entry, key, context, reservations),
                _ => Unknown(entry, key, "`cpus`, `memory`, `devices` and `generic_resources`", context, reservations),
            };
        }

        return reservations;
    }

    private static T Ignore<T>(MappingEntry entry, string key, ServiceContext context, T unchanged)
    {
        Ignore(entry, key, context);
        return unchanged;
    }

    private static T Unknown<T>(MappingEntry entry, string key, string known, ServiceContext context, T unchanged)
    {
        Unknown(entry, key, known, context);
        return unchanged;
    }

    private static void Unknown(MappingEntry entry, string key, string known, ServiceContext context)
    {
        if (!entry.Name.StartsWith("x-", StringComparison.Ordinal))
        {
            context.Diagnostics.Error(DiagnosticCodes.InvalidValue, entry.Key.Location, $"`{key}` of service `{context.Service}` is not a compose key; here compose knows only {known}.", $"Fix the spelling, or remove `{key}`.", context.PathOf(key));
        }
    }

    private static void Ignore(MappingEntry entry, string key, ServiceContext context) =>
        context.Diagnostics.Warning(DiagnosticCodes.IgnoredKey, entry.Key.Location, $"`{key}` of service `{context.Service}` is ignored: ReSim uses only `deploy.resources` limits and reservations (R3, R13).", $"Remove `{key}`.", context.PathOf(key));
}
