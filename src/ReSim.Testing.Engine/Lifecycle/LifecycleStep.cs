using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>What <see cref="LifecyclePolicy.Decide"/> gives for one event: the next state and what to do.</summary>
/// <param name="State">The state after the event.</param>
/// <param name="Restarts">Containers to start again, in order (empty for most events).</param>
/// <param name="Verdict">The verdict, when this event decided it; <see langword="null"/> otherwise.</param>
internal sealed record LifecycleStep(LifecycleState State, ImmutableArray<RestartDecision> Restarts, LifecycleVerdict? Verdict);
