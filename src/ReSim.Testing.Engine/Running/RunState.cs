using System.Collections.Immutable;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Running;

/// <summary>Everything a run's loop knows: the lifecycle rules' state, each container's, and how far the ending has got. Immutable.</summary>
/// <remarks>Only <see cref="RunPolicy.Apply"/> makes the next one; the loop (<see cref="RunLoop"/>) holds the current one.</remarks>
internal sealed record RunState
{
    /// <summary>The run's ID, for the labels its objects carry.</summary>
    public required string RunId { get; init; }

    /// <summary>The moment the experience started, entries are timed from it; <see langword="null"/> when the run ended before.</summary>
    public DateTimeOffset? Origin { get; init; }

    /// <summary>The experience's timeout (R18), for the timeline.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The grace period of a stop, for the timeline.</summary>
    public required TimeSpan StopGracePeriod { get; init; }

    /// <summary>Whether the containers are left running after a verdict instead of being removed.</summary>
    public bool KeepContainers { get; init; }

    /// <summary>Whether the engine was reached: only then is there anything to stop or remove.</summary>
    public bool Connected { get; init; }

    /// <summary>What the lifecycle rules (R14-R18) know.</summary>
    public required LifecycleState Lifecycle { get; init; }

    /// <summary>Each service's container, by name.</summary>
    public required ImmutableSortedDictionary<string, ServiceRun> Services { get; init; }

    /// <summary>Why the run ended, once it has; from then on only the teardown goes on.</summary>
    public RunEnding? Ending { get; init; }

    /// <summary>Whether metrics sampling has ended (after the run has).</summary>
    public bool SamplingEnded { get; init; }

    /// <summary>Whether the log streams still open were closed.</summary>
    public bool LogsClosed { get; init; }

    /// <summary>Whether the removal of the run was asked for.</summary>
    public bool RemoveAsked { get; init; }

    /// <summary>Whether the engine has answered the removal.</summary>
    public bool RemoveAnswered { get; init; }

    /// <summary>What went wrong in the teardown, or <see langword="null"/>.</summary>
    public string? TeardownProblem { get; init; }

    /// <summary>Whether nothing is left to do: the run is removed (or kept) and every log read.</summary>
    public bool IsDone { get; init; }

    /// <summary>The state of a run whose containers are created, before its first input.</summary>
    /// <param name="runId">The run's ID.</param>
    /// <param name="origin">When the experience started, or <see langword="null"/> when its set-up failed.</param>
    /// <param name="experience">The experience.</param>
    /// <param name="lifecycle">The lifecycle rules' initial state.</param>
    /// <param name="connected">Whether the engine was reached.</param>
    /// <returns>The state.</returns>
    public static RunState Initial(string runId, DateTimeOffset? origin, Experience experience, LifecycleState lifecycle, bool connected) => new()
    {
        RunId = runId,
        Origin = origin,
        Timeout = experience.Settings.Timeout,
        StopGracePeriod = experience.Settings.StopGracePeriod,
        KeepContainers = experience.Settings.KeepContainers,
        Connected = connected,
        Lifecycle = lifecycle,
        Services = lifecycle.Services.Keys.ToImmutableSortedDictionary(s => s, s => new ServiceRun { Name = s }, StringComparer.Ordinal),
    };

    /// <summary>How long after <paramref name="origin"/> <paramref name="moment"/> is; zero before it or without an origin.</summary>
    /// <param name="origin">When the experience started, or <see langword="null"/>.</param>
    /// <param name="moment">The moment.</param>
    /// <returns>The time since the start, never negative.</returns>
    public static TimeSpan Since(DateTimeOffset? origin, DateTimeOffset moment) => origin is { } start && moment > start ? moment - start : TimeSpan.Zero;

    /// <summary>The state with <paramref name="service"/> replaced.</summary>
    /// <param name="service">The service's new record.</param>
    /// <returns>The state.</returns>
    public RunState With(ServiceRun service) => this with { Services = Services.SetItem(service.Name, service) };
}
