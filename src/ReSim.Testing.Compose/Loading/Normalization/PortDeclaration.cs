using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>A container port a service declares in <c>ports</c> or <c>expose</c>, kept to find clashes (R12).</summary>
/// <param name="Port">The container port.</param>
/// <param name="Protocol">tcp or udp.</param>
/// <param name="Key">The key it is declared under, such as <c>ports[0]</c>.</param>
/// <param name="Location">Where.</param>
internal sealed record PortDeclaration(int Port, string Protocol, string Key, SourceLocation Location);
