using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>Everything the <see cref="LifecyclePolicy"/> knows of a running experience. Immutable.</summary>
internal sealed record LifecycleState
{
    /// <summary>The services by name.</summary>
    public required ImmutableSortedDictionary<string, ServiceLifecycle> Services { get; init; }

    /// <summary>The verdict, once reached; later events change nothing.</summary>
    public LifecycleVerdict? Verdict { get; init; }

    /// <summary>Whether the verdict has been reached.</summary>
    public bool IsDecided => Verdict is not null;

    /// <summary>The state before any event, for the experience's active services.</summary>
    /// <param name="activeServices">The services that run (R8).</param>
    /// <returns>Every service <see cref="ServiceStatus.Created"/>, no verdict.</returns>
    public static LifecycleState Initial(IEnumerable<ServiceDefinition> activeServices)
    {
        ArgumentNullException.ThrowIfNull(activeServices);
        var list = activeServices.ToList();
        var names = list.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return new()
        {
            Services = list.ToImmutableSortedDictionary(s => s.Name, s => ServiceLifecycle.For(s, names), StringComparer.Ordinal),
        };
    }

    /// <summary>Whether every <c>depends_on</c> dependency of <paramref name="service"/> has been satisfied (R15).</summary>
    /// <param name="service">The service.</param>
    /// <returns><see langword="true"/> when each dependency has met its condition at some point (a service without dependencies is satisfied).</returns>
    public bool DependenciesSatisfied(ServiceLifecycle service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Dependencies.All(d => Services.TryGetValue(d.Service, out var dependency) && dependency.Satisfies(d.Condition));
    }

    /// <summary>The dependencies of <paramref name="service"/> not yet satisfied, as <c>name (condition)</c>.</summary>
    /// <param name="service">The service.</param>
    /// <returns>The unmet dependencies.</returns>
    public IEnumerable<string> UnmetDependencies(ServiceLifecycle service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Dependencies
            .Where(d => !(Services.TryGetValue(d.Service, out var dependency) && dependency.Satisfies(d.Condition)))
            .Select(d => $"{d.Service} ({ConditionText(d.Condition)})");
    }

    internal LifecycleState With(ServiceLifecycle service) => this with { Services = Services.SetItem(service.Name, service) };

    private static string ConditionText(DependencyCondition condition) => condition switch
    {
        DependencyCondition.ServiceHealthy => "service_healthy",
        DependencyCondition.ServiceCompletedSuccessfully => "service_completed_successfully",
        _ => "service_started",
    };
}
