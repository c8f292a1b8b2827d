using System.Globalization;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>The platform's container lifecycle rules (R14-R18) as a pure function: events in, decisions out.</summary>
/// <remarks>
/// <para>No I/O and no clock: every event carries its own time. The runner feeds it the engine's events in the
/// order the engine reports them and carries out what it decides; the same sequence always gives the same decisions.</para>
/// <para>Decisions taken where the platform's text is silent:</para>
/// <list type="bullet">
/// <item>A dependency is satisfied (R15) from the first time its condition is met, and stays satisfied: a
/// <c>service_started</c> dependency that later exits, or a <c>service_healthy</c> one that later turns unhealthy, does
/// not make its dependants' failures ignorable again ("ignored until after their dependency is satisfied").</item>
/// <item>R15 applies to orchestrators too (the capability table's first row): an orchestrator exit, of any code, before
/// its dependencies are satisfied is ignored and the orchestrator is started again. That is not a restart policy,
/// which an orchestrator never has (R16).</item>
/// <item>An exit ignored under R15 does not count as completion: exit 0 before the service's own dependencies are
/// satisfied does not satisfy its dependants' <c>service_completed_successfully</c>.</item>
/// <item>A <c>service_completed_successfully</c> dependency that exits non-zero stays unsatisfied: its dependants keep
/// being restarted on their exits until it exits 0 (after a restart of its own) or the experience ends.</item>
/// <item><c>on-failure:N</c> counts only restarts made by the policy (R17), not R15 restarts.</item>
/// <item>A failing health check changes no verdict and restarts nothing; it only withholds <c>service_healthy</c>.</item>
/// <item>After the verdict every event is ignored: the first event to decide wins, so an orchestrator's exit 0 and a
/// service's crash racing each other are decided by the order the engine reports them.</item>
/// <item>Dependencies on services that are not active are dropped (R8 makes a required one an error before the run).</item>
/// </list>
/// </remarks>
internal static class LifecyclePolicy
{
    /// <summary>Applies one event to the state.</summary>
    /// <param name="state">The state before the event.</param>
    /// <param name="lifecycleEvent">What happened.</param>
    /// <returns>The next state, the containers to restart, and the verdict when this event decided it.</returns>
    public static LifecycleStep Decide(LifecycleState state, LifecycleEvent lifecycleEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        if (state.IsDecided)
        {
            return new(state, [], null);
        }

        if (lifecycleEvent.Kind == LifecycleEventKind.TimeoutElapsed)
        {
            return Decided(state, TimedOut(state, lifecycleEvent.At));
        }

        if (lifecycleEvent.Service is null || !state.Services.TryGetValue(lifecycleEvent.Service, out var service))
        {
            return new(state, [], null);
        }

        return lifecycleEvent.Kind switch
        {
            LifecycleEventKind.Started => new(state.With(service with { Status = ServiceStatus.Running, HasStarted = true }), [], null),
            LifecycleEventKind.Healthy => new(state.With(service with { HasBeenHealthy = true, LastHealth = "healthy" }), [], null),
            LifecycleEventKind.Unhealthy => new(state.With(service with { LastHealth = "unhealthy" }), [], null),
            LifecycleEventKind.Exited => OnExit(state, service, lifecycleEvent.ExitCode ?? -1, lifecycleEvent.At),
            _ => new(state, [], null),
        };
    }

    private static LifecycleStep OnExit(LifecycleState state, ServiceLifecycle service, int exitCode, TimeSpan at)
    {
        var exited = service with { Status = ServiceStatus.Exited, ExitCodes = service.ExitCodes.Add(exitCode) };
        if (!state.DependenciesSatisfied(service))
        {
            var reason = $"exited with code {exitCode} before its dependencies were satisfied: {string.Join(", ", state.UnmetDependencies(service))} (R15)";
            var restart = new RestartDecision(service.Name, RestartCause.DependenciesNotSatisfied, exitCode, at, reason);
            return new(state.With(exited with { DependencyRestarts = service.DependencyRestarts + 1 }), [restart], null);
        }

        if (exitCode == 0)
        {
            var next = state.With(exited with { HasCompletedSuccessfully = true });
            var passed = service.IsOrchestrator && next.Services.Values.Where(s => s.IsOrchestrator).All(s => s.HasCompletedSuccessfully);
            return passed ? Decided(next, new(ExperienceVerdict.Passed, null, null, at, $"Every orchestrator exited with code 0; the last was '{service.Name}' at {Format(at)} (R16).")) : new(next, [], null);
        }

        if (service.IsOrchestrator)
        {
            return Decided(state.With(exited), Failed(service, exitCode, at, $"Orchestrator '{service.Name}' exited with code {exitCode} at {Format(at)} (R16)."));
        }

        if (service.Restart.CoversFailure(service.PolicyRestarts))
        {
            var count = service.PolicyRestarts + 1;
            var of = service.Restart.MaxRetries is { } max ? $" (restart {count} of {max})" : string.Empty;
            var reason = $"exited with code {exitCode}; restart policy {service.Restart}{of} (R17)";
            var restart = new RestartDecision(service.Name, RestartCause.RestartPolicy, exitCode, at, reason);
            return new(state.With(exited with { PolicyRestarts = count }), [restart], null);
        }

        var why = service.Restart.MaxRetries is { } limit && service.Restart.Kind == Compose.Model.RestartKind.OnFailure
            ? $"its restart policy {service.Restart} has used its {limit} restart(s)"
            : $"it has no restart policy that covers a failure (restart: {service.Restart})";
        return Decided(state.With(exited), Failed(service, exitCode, at, $"Service '{service.Name}' exited with code {exitCode} at {Format(at)} after its dependencies were satisfied, and {why} (R17)."));
    }

    private static LifecycleVerdict Failed(ServiceLifecycle service, int exitCode, TimeSpan at, string message) =>
        new(ExperienceVerdict.Failed, service.Name, exitCode, at, message);

    private static LifecycleVerdict TimedOut(LifecycleState state, TimeSpan at)
    {
        var waiting = state.Services.Values.Where(s => s.IsOrchestrator && !s.HasCompletedSuccessfully).Select(s => $"'{s.Name}'").ToList();
        var detail = waiting.Count == 0 ? string.Empty : $"; still waiting for orchestrator(s) {string.Join(", ", waiting)} to exit with code 0";
        var blocked = state.Services.Values.Where(s => !state.DependenciesSatisfied(s)).Select(s => $"{s.Name} waits for {string.Join(", ", state.UnmetDependencies(s))}").ToList();
        detail += blocked.Count == 0 ? string.Empty : $"; {string.Join("; ", blocked)}";
        return new(ExperienceVerdict.TimedOut, null, null, at, $"The experience timed out after {Format(at)}{detail} (R18).");
    }

    private static LifecycleStep Decided(LifecycleState state, LifecycleVerdict verdict) => new(state with { Verdict = verdict }, [], verdict);

    internal static string Format(TimeSpan at) => at.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
