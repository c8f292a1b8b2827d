using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Model;

/// <summary><c>deploy.resources.reservations</c>.</summary>
public sealed record ResourceReservations
{
    /// <summary>No reservations.</summary>
    public static ResourceReservations None { get; } = new();

    /// <summary>CPUs set aside; <see langword="null"/> for none.</summary>
    public double? Cpus { get; init; }

    /// <summary>Memory set aside, in bytes; <see langword="null"/> for none.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Devices asked for, GPUs among them.</summary>
    public ImmutableArray<DeviceRequest> Devices { get; init; } = [];
}
