using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R13: the reservations of all active services together stay below the system's CPUs and memory and within its GPUs; no GPU is shared.</summary>
/// <remarks>
/// The platform requires the CPU and memory requests of all containers to "sum up to less than" the system's
/// total, so reaching it exactly is an error. GPUs are whole devices given to one service each, so all of them
/// may be reserved.
/// </remarks>
internal sealed class ReservationRule : IValidationRule
{
    private const string ReservationsKey = "deploy.resources.reservations";

    public void Check(ValidationContext context)
    {
        var reserving = context.Active.Select(s => s.Definition).ToList();
        CheckTotal(context, reserving, new(s => s.Resources.Reservations.Cpus ?? 0, context.System.Cpus, DiagnosticCodes.CpuOverReserved, "CPUs", v => v.ToString("0.##", CultureInfo.InvariantCulture), Strict: true));
        CheckTotal(context, reserving, new(s => s.Resources.Reservations.MemoryBytes ?? 0, context.System.MemoryBytes, DiagnosticCodes.MemoryOverReserved, "bytes of memory", v => v.ToString("N0", CultureInfo.InvariantCulture), Strict: true));
        CheckTotal(context, reserving, new(s => GpuCount(s, context.System), context.System.Gpus.Length, DiagnosticCodes.GpuOverReserved, "GPUs", v => v.ToString(CultureInfo.InvariantCulture), Strict: false));
        CheckGpuIds(context, reserving);
    }

    // `count: all` asks for every GPU, and for at least one: on a system without GPUs it cannot be met.
    private static double GpuCount(ServiceDefinition service, SystemResources system) =>
        service.Resources.Reservations.Devices.Where(d => d.IsGpu)
            .Sum(d => d.Count == DeviceRequest.AllDevices ? Math.Max(system.Gpus.Length, 1) : d.Count ?? d.DeviceIds.Length);

    private static void CheckTotal(ValidationContext context, List<ServiceDefinition> services, ReservedResource resource)
    {
        var shares = services.Select(s => (Service: s, Amount: resource.Amount(s))).Where(x => x.Amount > 0).ToList();
        var total = shares.Sum(x => x.Amount);
        var fits = resource.Strict ? total < resource.Available : total <= resource.Available;
        if (fits || shares.Count == 0)
        {
            return;
        }

        var last = shares[^1].Service;
        var parts = string.Join(", ", shares.Select(x => $"{x.Service.Name}: {resource.Format(x.Amount)}"));
        var limit = resource.Strict ? ", and the sum must be less than that" : string.Empty;
        var message = $"The active services (with {context.ProfileText}) reserve {resource.Format(total)} {resource.Unit} ({parts}); the system has {resource.Format(resource.Available)}{limit} (R13).";
        var hint = $"Lower the reservations under `{ReservationsKey}` so that their sum stays {(resource.Strict ? "below" : "within")} the system's total, or run the experience on a system with more {resource.Unit}.";
        context.Diagnostics.Error(resource.Code, context.Locate(last, ReservationsKey), message, hint, $"services.{last.Name}.{ReservationsKey}");
    }

    private static void CheckGpuIds(ValidationContext context, List<ServiceDefinition> services)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            foreach (var id in service.Resources.Reservations.Devices.Where(d => d.IsGpu).SelectMany(d => d.DeviceIds))
            {
                var location = context.Locate(service, ReservationsKey);
                var path = $"services.{service.Name}.{ReservationsKey}";
                if (!context.System.Gpus.Contains(id, StringComparer.Ordinal))
                {
                    context.Diagnostics.Error(DiagnosticCodes.GpuOverReserved, location, $"Service `{service.Name}` reserves the GPU `{id}`, which the system does not have; its GPUs are [{string.Join(", ", context.System.Gpus)}] (R13).", "Reserve GPUs by `count` rather than by ID, or use an ID the system has.", path);
                }
                else if (!owners.TryAdd(id, service.Name))
                {
                    context.Diagnostics.Error(DiagnosticCodes.GpuOverReserved, location, $"Services `{owners[id]}` and `{service.Name}` both reserve the GPU `{id}`; no GPU is shared in an experience (R13).", "Give each service different GPUs.", path);
                }
            }
        }
    }
}
