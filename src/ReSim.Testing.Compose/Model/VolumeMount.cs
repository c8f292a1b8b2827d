namespace ReSim.Testing.Compose.Model;

/// <summary>One entry of a service's <c>volumes</c>, in long form.</summary>
/// <param name="Type">What is mounted.</param>
/// <param name="Source">The volume name, or the host path (absolute) for a bind mount; <see langword="null"/> for an anonymous volume or tmpfs.</param>
/// <param name="Target">The path inside the container.</param>
/// <param name="ReadOnly">Whether the mount is read-only.</param>
public sealed record VolumeMount(VolumeMountType Type, string? Source, string Target, bool ReadOnly = false);
