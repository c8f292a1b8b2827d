using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>A service in long form, with the container ports it declares (for R12, which the model does not keep).</summary>
internal sealed record NormalizedService(ServiceDefinition Definition, ImmutableArray<PortDeclaration> Ports);
