using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Runtime;

/// <summary>The sandbox that holds an experience's network namespace (R12).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Name">The container name (unique per run).</param>
/// <param name="HostNames">Every name that must resolve to 127.0.0.1 inside the namespace: the service names.</param>
/// <param name="Labels">The run's labels (<see cref="RunLabels.For"/>) and the sandbox role.</param>
public sealed record SandboxSpec(string RunId, string Name, ImmutableArray<string> HostNames, ImmutableSortedDictionary<string, string> Labels);
