namespace ReSim.Testing.Engine.Runtime;

/// <summary>What a container engine says of itself.</summary>
/// <param name="Endpoint">The endpoint reached, such as <c>unix:///var/run/docker.sock</c>.</param>
/// <param name="ServerVersion">The engine's version.</param>
/// <param name="ApiVersion">The API version in use.</param>
/// <param name="Architecture">The engine's CPU architecture (<c>amd64</c>, <c>arm64</c>).</param>
/// <param name="Engine">Which engine it is: <c>Docker</c> or <c>Podman</c>.</param>
public sealed record RuntimeInfo(string Endpoint, string ServerVersion, string ApiVersion, string Architecture, string Engine = "Docker")
{
    /// <summary>What this engine cannot do as the platform does, one sentence each, for every run's result to say.</summary>
    /// <remarks>Such as rootless Podman without cgroup controllers, which neither applies resource limits nor measures.</remarks>
    public IReadOnlyList<string> Limitations { get; init; } = [];
}
