namespace ReSim.Testing.Engine.Runtime;

/// <summary>One mount of a container.</summary>
/// <param name="Kind">What is mounted.</param>
/// <param name="Source">The engine volume name, or the absolute host path for a bind mount.</param>
/// <param name="Target">The path in the container.</param>
/// <param name="ReadOnly">Whether the mount is read-only.</param>
public sealed record MountSpec(MountKind Kind, string Source, string Target, bool ReadOnly);
