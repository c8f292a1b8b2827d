using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Reads <c>deploy.resources.reservations.devices</c>: GPUs by <c>count</c> (a number or <c>all</c>) or by <c>device_ids</c> (R13).</summary>
/// <remarks>A request with neither <c>count</c> nor <c>device_ids</c> asks for all devices, as compose does.</remarks>
internal static class DeviceRequestReader
{
    public static ImmutableArray<DeviceRequest> Read(ComposeNode node, string path, ServiceContext context)
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
            context.Missing(device, $"{key}.capabilities", "Add `capabilities: [gpu]` for a GPU.");
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
}
