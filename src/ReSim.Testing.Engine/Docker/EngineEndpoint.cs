namespace ReSim.Testing.Engine.Docker;

/// <summary>Where the engine is, where that came from, and the TLS to reach it with.</summary>
/// <param name="Uri">The endpoint, such as <c>unix:///var/run/docker.sock</c> or <c>tcp://host:2376</c>.</param>
/// <param name="Source">Where it was found, for messages: such as <c>DOCKER_HOST</c> or <c>Docker context 'remote'</c>.</param>
/// <param name="Tls">The TLS settings for a <c>tcp://</c> endpoint, or <see langword="null"/> for none.</param>
internal sealed record EngineEndpoint(Uri Uri, string Source, TlsSettings? Tls = null);
