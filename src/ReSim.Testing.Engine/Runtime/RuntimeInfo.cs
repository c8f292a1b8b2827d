namespace ReSim.Testing.Engine.Runtime;

/// <summary>What a container engine says of itself.</summary>
/// <param name="Endpoint">The endpoint reached, such as <c>unix:///var/run/docker.sock</c>.</param>
/// <param name="ServerVersion">The engine's version.</param>
/// <param name="ApiVersion">The API version in use.</param>
/// <param name="Architecture">The engine's CPU architecture (<c>amd64</c>, <c>arm64</c>).</param>
/// <param name="Engine">Which engine it is: <c>Docker</c> or <c>Podman</c>.</param>
public sealed record RuntimeInfo(string Endpoint, string ServerVersion, string ApiVersion, string Architecture, string Engine = "Docker");
