namespace ReSim.Testing.Engine.Runtime;

/// <summary>A state change of one container of a run.</summary>
/// <param name="ContainerId">The container.</param>
/// <param name="Service">The compose service it runs.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Time">When the engine saw it.</param>
/// <param name="ExitCode">For <see cref="ContainerEventKind.Exited"/>, the exit code.</param>
public sealed record ContainerEvent(string ContainerId, string Service, ContainerEventKind Kind, DateTimeOffset Time, int? ExitCode = null);
