using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Where each normalized value came from, by key path (<c>services.robot.depends_on.db</c>), for the validate stage's diagnostics.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);

    public void Add(string path, SourceLocation location) => locations.TryAdd(path, location);

    public SourceLocation Find(string path, SourceLocation fallback) =>
        locations.TryGetValue(path, out var location) ? location : fallback;
}
