using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;

namespace ReSim.Testing.Engine.Tests.Lifecycle;

/// <summary>Feeds a sequence of events to the policy and keeps every decision, as the runner would.</summary>
internal sealed class PolicyDriver
{
    private readonly List<RestartDecision> restarts = [];

    public PolicyDriver(params ServiceDefinition[] services) => State = LifecycleState.Initial(services);

    public LifecycleState State { get; private set; }

    public IReadOnlyList<RestartDecision> Restarts => restarts;

    public LifecycleVerdict? Verdict => State.Verdict;

    private TimeSpan Clock { get; set; }

    public PolicyDriver Apply(LifecycleEvent lifecycleEvent)
    {
        var step = LifecyclePolicy.Decide(State, lifecycleEvent);
        State = step.State;
        restarts.AddRange(step.Restarts);
        return this;
    }

    public PolicyDriver Start(params string[] services)
    {
        foreach (var service in services)
        {
            Apply(LifecycleEvent.Started(service, Tick()));
        }

        return this;
    }

    public PolicyDriver Exit(string service, int code) => Apply(LifecycleEvent.Exited(service, code, Tick()));

    /// <summary>An exit the policy answers with a restart, followed by the restarted container's start, as the runner does it.</summary>
    public PolicyDriver ExitAndRestartIfDecided(string service, int code)
    {
        var before = restarts.Count;
        Exit(service, code);
        return restarts.Count > before ? Start(service) : this;
    }

    public PolicyDriver Healthy(string service) => Apply(LifecycleEvent.Healthy(service, Tick()));

    public PolicyDriver Unhealthy(string service) => Apply(LifecycleEvent.Unhealthy(service, Tick()));

    public PolicyDriver Timeout() => Apply(LifecycleEvent.TimeoutElapsed(Tick()));

    public ImmutableArray<RestartDecision> RestartsOf(string service) => [.. restarts.Where(r => r.Service == service)];

    private TimeSpan Tick() => Clock += TimeSpan.FromMilliseconds(10);
}
