using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Running;

/// <summary>What <see cref="RunPolicy.Apply"/> gives for one input: the next state and what to do, in order.</summary>
/// <param name="State">The state after the input.</param>
/// <param name="Commands">The effects to carry out.</param>
internal sealed record RunStep(RunState State, ImmutableArray<RunCommand> Commands);
