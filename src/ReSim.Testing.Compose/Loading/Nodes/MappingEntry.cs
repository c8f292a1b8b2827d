namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>One key and value of a <see cref="MappingNode"/>.</summary>
internal sealed record MappingEntry(ScalarNode Key, ComposeNode Value)
{
    public string Name => Key.Value;
}
