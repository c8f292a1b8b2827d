using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Hands out the system's GPUs to the services that reserve them, never one GPU to two services (R13).</summary>
/// <remarks>
/// Services are served in compose order. <c>count: N</c> takes the next N free GPUs; <c>device_ids</c> takes exactly those,
/// which must be the system's and still free; <c>count: all</c> (or neither count nor IDs, compose's default) takes every
/// GPU still free and needs at least one.
/// </remarks>
internal static class GpuAssigner
{
    public const string DefaultDriver = "nvidia";

    public static GpuAssignment Assign(IEnumerable<ServiceDefinition> services, ImmutableArray<string> systemGpus)
    {
        var free = new List<string>(systemGpus.IsDefault ? [] : systemGpus);
        var total = free.Count;
        var ids = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var drivers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var service in services)
        {
            var taken = new List<string>();
            foreach (var request in service.Resources.Reservations.Devices.Where(d => d.IsGpu))
            {
                var (granted, error) = Take(request, free);
                if (error is not null)
                {
                    errors.Add($"{service.Location}: service '{service.Name}' {error}, and the system's {total} GPU(s) are never shared between services (R13). " +
                        "Give the experience more GPUs (ExperienceSettings.System with its Gpus) or reserve fewer.");
                }

                taken.AddRange(granted);
                drivers.TryAdd(service.Name, request.Driver ?? DefaultDriver);
            }

            if (taken.Count > 0)
            {
                ids[service.Name] = [.. taken];
            }
        }

        return new(ids.ToImmutable(), drivers.ToImmutable(), errors.ToImmutable());
    }

    private static (IReadOnlyList<string> Granted, string? Error) Take(DeviceRequest request, List<string> free)
    {
        if (!request.DeviceIds.IsDefaultOrEmpty)
        {
            var missing = request.DeviceIds.Where(id => !free.Contains(id, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                return ([], $"reserves GPU(s) {string.Join(", ", missing)} that the system does not have free");
            }

            free.RemoveAll(request.DeviceIds.Contains);
            return (request.DeviceIds, null);
        }

        var count = request.Count is null or DeviceRequest.AllDevices ? Math.Max(free.Count, 1) : request.Count.Value;
        if (count > free.Count)
        {
            return ([], $"reserves {count} GPU(s) but only {free.Count} are left");
        }

        var granted = free.Take(count).ToList();
        free.RemoveRange(0, count);
        return (granted, null);
    }
}
