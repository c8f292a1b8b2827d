using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Planning;

/// <summary>The GPUs given to each service (R13), or why they could not be given.</summary>
/// <param name="DeviceIds">Per service, the device IDs it alone receives; services without GPU reservations are absent.</param>
/// <param name="Drivers">Per service with GPUs, the driver to ask for.</param>
/// <param name="Errors">What could not be satisfied; empty when every reservation was.</param>
internal sealed record GpuAssignment(
    ImmutableDictionary<string, ImmutableArray<string>> DeviceIds,
    ImmutableDictionary<string, string> Drivers,
    ImmutableArray<string> Errors);
