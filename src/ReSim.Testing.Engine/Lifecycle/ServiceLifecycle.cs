using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>What the <see cref="LifecyclePolicy"/> knows of one service: its rules and what its events have shown so far.</summary>
/// <remarks>The three <c>Has...</c> flags latch: once true they stay true, whatever the service does afterwards.</remarks>
internal sealed record ServiceLifecycle
{
    /// <summary>The service's name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether it is a test orchestrator (R5).</summary>
    public bool IsOrchestrator { get; init; }

    /// <summary>Its <c>depends_on</c> entries on active services.</summary>
    public ImmutableArray<ServiceDependency> Dependencies { get; init; } = [];

    /// <summary>Its restart policy (R17); never used for an orchestrator (R16).</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.No;

    /// <summary>Where its container is.</summary>
    public ServiceStatus Status { get; init; } = ServiceStatus.Created;

    /// <summary>Whether it has been seen running: satisfies <c>service_started</c> from then on.</summary>
    public bool HasStarted { get; init; }

    /// <summary>Whether its health check has passed: satisfies <c>service_healthy</c> from then on.</summary>
    public bool HasBeenHealthy { get; init; }

    /// <summary>Whether it exited 0 after its own dependencies were satisfied: satisfies <c>service_completed_successfully</c>.</summary>
    public bool HasCompletedSuccessfully { get; init; }

    /// <summary>The last health status seen (<c>healthy</c>, <c>unhealthy</c>), or <see langword="null"/>.</summary>
    public string? LastHealth { get; init; }

    /// <summary>Every exit code, in order.</summary>
    public ImmutableArray<int> ExitCodes { get; init; } = [];

    /// <summary>Restarts made because of the restart policy (R17); what <c>on-failure:N</c> counts.</summary>
    public int PolicyRestarts { get; init; }

    /// <summary>Restarts made because dependencies were not yet satisfied (R15); not counted against <c>on-failure:N</c>.</summary>
    public int DependencyRestarts { get; init; }

    /// <summary>Creates the initial record of <paramref name="service"/>.</summary>
    /// <param name="service">The service definition.</param>
    /// <param name="activeNames">The names of the experience's active services; dependencies on others are dropped.</param>
    /// <returns>The record, before any event.</returns>
    public static ServiceLifecycle For(ServiceDefinition service, IReadOnlySet<string> activeNames)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(activeNames);
        return new()
        {
            Name = service.Name,
            IsOrchestrator = service.IsTestOrchestrator,
            Dependencies = service.DependsOn.Where(d => activeNames.Contains(d.Service)).ToImmutableArray(),
            Restart = service.Restart,
        };
    }

    /// <summary>Whether this service, as a dependency, meets <paramref name="condition"/> (R15).</summary>
    /// <param name="condition">The dependant's condition.</param>
    /// <returns><see langword="true"/> once the condition has been met.</returns>
    public bool Satisfies(DependencyCondition condition) => condition switch
    {
        DependencyCondition.ServiceHealthy => HasBeenHealthy,
        DependencyCondition.ServiceCompletedSuccessfully => HasCompletedSuccessfully,
        _ => HasStarted,
    };
}
