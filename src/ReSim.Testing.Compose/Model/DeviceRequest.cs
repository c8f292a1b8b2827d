using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Model;

/// <summary>One entry of <c>deploy.resources.reservations.devices</c>.</summary>
/// <remarks>
/// Either <see cref="Count"/> or <see cref="DeviceIds"/> says how many devices; <c>count: all</c> is
/// <see cref="AllDevices"/>. A GPU request has the <c>gpu</c> capability (R13).
/// </remarks>
public sealed record DeviceRequest
{
    /// <summary>The value of <see cref="Count"/> that stands for <c>count: all</c>.</summary>
    public const int AllDevices = -1;

    /// <summary>The driver, such as <c>nvidia</c>, or <see langword="null"/>.</summary>
    public string? Driver { get; init; }

    /// <summary>How many devices, <see cref="AllDevices"/> for all, or <see langword="null"/> when <see cref="DeviceIds"/> is given.</summary>
    public int? Count { get; init; }

    /// <summary>Specific device IDs, when given.</summary>
    public ImmutableArray<string> DeviceIds { get; init; } = [];

    /// <summary>The capabilities, such as <c>gpu</c>.</summary>
    public ImmutableArray<string> Capabilities { get; init; } = [];

    /// <summary>Whether this is a GPU request.</summary>
    public bool IsGpu => Capabilities.Contains("gpu", StringComparer.Ordinal);
}
