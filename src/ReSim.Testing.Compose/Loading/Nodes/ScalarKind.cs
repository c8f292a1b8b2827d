namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>The YAML 1.2 core-schema type of a scalar.</summary>
internal enum ScalarKind
{
    String,
    Null,
    Boolean,
    Integer,
    Float,
}
