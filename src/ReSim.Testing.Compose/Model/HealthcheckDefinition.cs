using System.Collections.Immutable;

namespace ReSim.Testing.Compose.Model;

/// <summary>A service's health check in long form.</summary>
/// <remarks>
/// <see cref="Test"/> is in Docker's form: <c>["CMD", ...]</c>, <c>["CMD-SHELL", "..."]</c> or <c>["NONE"]</c>;
/// a string in the file becomes <c>["CMD-SHELL", string]</c>. <c>disable: true</c> becomes <c>["NONE"]</c>.
/// </remarks>
public sealed record HealthcheckDefinition
{
    /// <summary>The test command in Docker's form.</summary>
    public ImmutableArray<string> Test { get; init; } = [];

    /// <summary>Time between checks, or <see langword="null"/> for Docker's default (30 s).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Time one check may take, or <see langword="null"/> for Docker's default (30 s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Failures in a row before the container is unhealthy, or <see langword="null"/> for Docker's default (3).</summary>
    public int? Retries { get; init; }

    /// <summary>Grace period after start during which failures do not count, or <see langword="null"/> for none.</summary>
    public TimeSpan? StartPeriod { get; init; }

    /// <summary>Time between checks during <see cref="StartPeriod"/>, or <see langword="null"/> for Docker's default.</summary>
    public TimeSpan? StartInterval { get; init; }

    /// <summary>Whether the check is turned off (<c>disable: true</c> or a test of <c>NONE</c>).</summary>
    public bool IsDisabled => Test.Length > 0 && Test[0] == "NONE";
}
