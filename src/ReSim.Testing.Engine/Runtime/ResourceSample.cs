namespace ReSim.Testing.Engine.Runtime;

/// <summary>One CPU and memory sample of a container (R22).</summary>
/// <param name="Time">When it was taken.</param>
/// <param name="CpuPercent">CPU use since the previous sample, in percent of one CPU.</param>
/// <param name="MemoryBytes">Memory in use.</param>
public sealed record ResourceSample(DateTimeOffset Time, double CpuPercent, long MemoryBytes);
