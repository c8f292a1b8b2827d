using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Results;

/// <summary>What happened to one service during an experience.</summary>
public sealed record ServiceResult
{
    /// <summary>The service's name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether it is a test orchestrator (R5).</summary>
    public bool IsOrchestrator { get; init; }

    /// <summary>Every exit code, in order, one per time the container ran to an exit.</summary>
    public ImmutableArray<int> ExitCodes { get; init; } = [];

    /// <summary>Every restart the engine made, with why (R15, R17).</summary>
    public ImmutableArray<RestartRecord> Restarts { get; init; } = [];

    /// <summary>The last health status seen (<c>healthy</c>, <c>unhealthy</c>), or <see langword="null"/> without a health check.</summary>
    public string? LastHealth { get; init; }

    /// <summary>Whether the container was still running when the experience ended and was stopped (R19).</summary>
    public bool StoppedAtTeardown { get; init; }

    /// <summary>The CPU and memory summary (R22).</summary>
    public ResourceSummary Resources { get; init; } = ResourceSummary.Empty;

    /// <summary>The CPU and memory summary of each start, in start order (R22); a start without a sample has <see cref="ResourceSummary.Empty"/>.</summary>
    public ImmutableArray<ResourceSummary> ResourcesPerStart { get; init; } = [];

    /// <summary>The path of the service's log file (R21).</summary>
    public string? LogFile { get; init; }

    /// <summary>Each place where the log file is not whole, as the file itself marks it (<c>=== GAP: ... ===</c>); empty when every byte the containers wrote is there.</summary>
    /// <remarks>The end of a kept container's log (<see cref="LogKeptEnd"/>) is not among them: nothing is lost there.</remarks>
    public ImmutableArray<string> LogGaps { get; init; } = [];

    /// <summary>
    /// With <c>KeepContainers</c>, where the log file stops because the container was kept running after the verdict, as
    /// the file marks it (<c>=== GAP: ... ===</c>): the rest is in <c>docker logs</c> of the kept container. <see langword="null"/> otherwise.
    /// </summary>
    public string? LogKeptEnd { get; init; }
}
