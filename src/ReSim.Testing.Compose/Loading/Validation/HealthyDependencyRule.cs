using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>
/// R15: <c>condition: service_healthy</c> on a service whose file gives it no health check can be met only by a
/// <c>HEALTHCHECK</c> in its image, which the loader cannot see; a disabled check can never be met.
/// </summary>
/// <remarks>Only dependencies between active services are checked: an inactive dependant never waits.</remarks>
internal sealed class HealthyDependencyRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var active = context.Active.Select(s => s.Definition).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var service in active.Values)
        {
            foreach (var dependency in service.DependsOn.Where(d => d.Condition == DependencyCondition.ServiceHealthy))
            {
                if (!active.TryGetValue(dependency.Service, out var target) || Problem(target, service.Name) is not { } problem)
                {
                    continue;
                }

                var name = dependency.Service;
                context.Diagnostics.Warning(
                    DiagnosticCodes.HealthyDependencyWithoutHealthcheck,
                    context.Locate(service, $"depends_on.{name}"),
                    $"Service `{service.Name}` waits for `{name}` to be healthy, but {problem} (R15).",
                    $"Add a `healthcheck` with a `test` to `{name}`, or use `condition: service_started`.",
                    $"services.{service.Name}.depends_on.{name}");
            }
        }
    }

    private static string? Problem(ServiceDefinition target, string dependant) => target.Healthcheck switch
    {
        { IsDisabled: true } => $"`{target.Name}` disables its health check, so it never becomes healthy and `{dependant}` waits until the experience's timeout",
        null or { Test.IsEmpty: true } => $"`{target.Name}` has no health check test: it can only become healthy if its image defines a HEALTHCHECK; otherwise `{dependant}` waits until the experience's timeout",
        _ => null,
    };
}
