using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Runtime;

/// <summary>A named volume created for one run (R10).</summary>
/// <param name="Name">The engine name, unique per run (the compose name prefixed by the run).</param>
/// <param name="Labels">The run's labels and the volume role.</param>
public sealed record VolumeSpec(string Name, ImmutableSortedDictionary<string, string> Labels);
