namespace ReSim.Testing.Engine.Runtime;

/// <summary>One reading of a container's CPU and memory counters (R22).</summary>
/// <param name="Time">When the counters were read.</param>
/// <param name="CpuTime">The CPU time the container has used since it started: a running total, so CPU use is the
/// difference between two readings over the time between them.</param>
/// <param name="MemoryBytes">Memory in use, less the inactive file cache, as <c>docker stats</c> shows it.</param>
public sealed record ResourceSample(DateTimeOffset Time, TimeSpan CpuTime, long MemoryBytes);
