namespace ReSim.Testing.Compose.Model;

/// <summary>A service named by another service's <c>network_mode</c>, <c>ipc</c>, <c>pid</c> or <c>volumes_from</c>.</summary>
/// <param name="Key">The key that names it, such as <c>network_mode</c> or <c>volumes_from</c>.</param>
/// <param name="Service">The service it names.</param>
public sealed record ServiceReference(string Key, string Service);
