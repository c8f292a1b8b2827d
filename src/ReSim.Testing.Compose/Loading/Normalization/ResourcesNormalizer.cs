using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>deploy</c>: <c>resources.limits</c> and <c>resources.reservations</c> (GPU devices included) are kept (R13), the rest is ignored with a warning (R3).</summary>
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
                    Ignore(entry, key, context);
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
                    Ignore(entry, key, context);
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
                _ => Ignore(entry, key, context, limits),
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
                "devices" => reservations with { Devices = ReadDevices(entry.Value, key, context) },
                _ => Ignore(entry, key, context, reservations),
            };
        }

        return reservations;
    }

    private static ImmutableArray<DeviceRequest> ReadDevices(ComposeNode node, string path, ServiceContext context)
    {
        if (node is not SequenceNode sequence)
        {
            context.WrongType(node, path, "a list", "Write `devices: [{driver: nvidia, capabilities: [gpu], count: 1}]`.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<DeviceRequest>();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (sequence.Items[i] is not MappingNode device)
            {
                context.WrongType(sequence.Items[i], key, "a mapping", "Write `{driver: nvidia, capabilities: [gpu], count: 1}`.");
                continue;
            }

            context.Mark(key, device);
            if (ReadDevice(device, key, context) is { } request)
            {
                result.Add(request);
            }
        }

        return result.ToImmutable();
    }

    private static DeviceRequest? ReadDevice(MappingNode device, string key, ServiceContext context)
    {
        var countNode = device.Get("count");
        var idsNode = device.Get("device_ids");
        if (countNode is not null && idsNode is not null)
        {
            context.Invalid(device, key, "count and device_ids", "allowed together", "Give either `count` or `device_ids`, not both.");
            return null;
        }

        if (device.Get("capabilities") is not { } capabilitiesNode)
        {
            context.WrongType(device, $"{key}.capabilities", "given", "Add `capabilities: [gpu]` for a GPU.");
            return null;
        }

        int? count = countNode switch
        {
            null => idsNode is null ? DeviceRequest.AllDevices : null,
            ScalarNode { Value: "all" } => DeviceRequest.AllDevices,
            _ => context.ReadInteger(countNode, $"{key}.count") is { } n and <= int.MaxValue ? (int)n : null,
        };
        return new DeviceRequest
        {
            Driver = device.Get("driver") is { } driver ? context.ReadString(driver, $"{key}.driver") : null,
            Count = count,
            DeviceIds = idsNode is null ? [] : context.ReadStringList(idsNode, $"{key}.device_ids") ?? [],
            Capabilities = context.ReadStringList(capabilitiesNode, $"{key}.capabilities") ?? [],
        };
    }

    private static T Ignore<T>(MappingEntry entry, string key, ServiceContext context, T unchanged)
    {
        Ignore(entry, key, context);
        return unchanged;
    }

    private static void Ignore(MappingEntry entry, string key, ServiceContext context) =>
        context.Diagnostics.Warning(DiagnosticCodes.IgnoredKey, entry.Key.Location, $"`{key}` of service `{context.Service}` is ignored: ReSim uses only `deploy.resources` limits and reservations (R3, R13).", $"Remove `{key}`.", context.PathOf(key));
}
