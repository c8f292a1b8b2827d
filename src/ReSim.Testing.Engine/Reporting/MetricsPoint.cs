namespace ReSim.Testing.Engine.Reporting;

/// <summary>One row of the metrics files (R22).</summary>
/// <param name="Time">When the container's counters were read.</param>
/// <param name="ElapsedSeconds">Seconds since the experience started.</param>
/// <param name="Service">The service.</param>
/// <param name="Start">Which start of the service's container, from 1.</param>
/// <param name="Container">The container's ID.</param>
/// <param name="CpuPercent">CPU use since the previous row of the same start, in percent of one CPU; <see langword="null"/> on a start's first row.</param>
/// <param name="MemoryBytes">Memory in use, less the inactive file cache.</param>
internal sealed record MetricsPoint(DateTimeOffset Time, double ElapsedSeconds, string Service, int Start, string Container, double? CpuPercent, long MemoryBytes);
