using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Model;

/// <summary>A named volume under the top-level <c>volumes</c> key (R10).</summary>
/// <param name="Name">The volume's key.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record VolumeDefinition(string Name, SourceLocation Location)
{
    /// <summary>The volume's labels.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
