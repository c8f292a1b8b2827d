namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>compose-go's YAML tags that steer merging (<c>extends</c>): <c>!reset</c> removes what is inherited, <c>!override</c> replaces it whole.</summary>
internal enum MergeTag
{
    None,
    Reset,
    Override,
}
