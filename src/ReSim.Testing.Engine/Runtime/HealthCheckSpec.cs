using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Runtime;

/// <summary>A container's health check, as the engine is to run it.</summary>
/// <remarks>
/// Durations left <see langword="null"/> take the engine's defaults. A turned-off check is <see cref="IsDisabled"/>; its
/// <see cref="Test"/> is not used.
/// </remarks>
public sealed record HealthCheckSpec
{
    /// <summary>
    /// The test command in the engine's form, <c>["CMD", program, args...]</c> or <c>["CMD-SHELL", "command line"]</c>;
    /// empty keeps the image's test.
    /// </summary>
    public ImmutableArray<string> Test { get; init; } = [];

    /// <summary>Time between checks, or <see langword="null"/> for the engine's default (30 s).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Time one check may take, or <see langword="null"/> for the engine's default (30 s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Failures in a row before the container is unhealthy, or <see langword="null"/> for the engine's default (3).</summary>
    public int? Retries { get; init; }

    /// <summary>Grace period after start during which failures do not count, or <see langword="null"/> for none.</summary>
    public TimeSpan? StartPeriod { get; init; }

    /// <summary>Time between checks during <see cref="StartPeriod"/>, or <see langword="null"/> for the engine's default.</summary>
    public TimeSpan? StartInterval { get; init; }

    /// <summary>Whether the check is turned off, the image's included.</summary>
    public bool IsDisabled { get; init; }
}
