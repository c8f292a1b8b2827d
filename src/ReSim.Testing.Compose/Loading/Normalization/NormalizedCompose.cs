using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>What the normalize stage gives the validate stage: services and volumes in long form, and where each value came from.</summary>
/// <param name="Services">Every service, in file order.</param>
/// <param name="Volumes">The top-level named volumes.</param>
/// <param name="SourceMap">Positions by key path.</param>
/// <param name="ServicesLocation">The <c>services</c> key, for diagnostics about the file as a whole.</param>
internal sealed record NormalizedCompose(
    ImmutableArray<NormalizedService> Services,
    ImmutableArray<VolumeDefinition> Volumes,
    SourceMap SourceMap,
    SourceLocation ServicesLocation);
