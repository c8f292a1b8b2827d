namespace ReSim.Testing.Compose.Loading.Documents;

/// <summary>Bounds that keep hostile input from exhausting time or memory; documented in docs/diagnostics.md.</summary>
/// <param name="MaxBytes">The largest input, in bytes, that is parsed at all.</param>
/// <param name="MaxDepth">The deepest nesting of mappings and sequences.</param>
/// <param name="MaxAliasExpansion">The most nodes that aliases may add once expanded.</param>
internal sealed record LoadLimits(long MaxBytes, int MaxDepth, long MaxAliasExpansion)
{
    /// <summary>Far above any real compose file: 5 MB, 100 levels, 100,000 nodes through aliases.</summary>
    public static LoadLimits Default { get; } = new(5 * 1024 * 1024, 100, 100_000);
}
