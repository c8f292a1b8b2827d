using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>What an <c>extends</c> key names: a service, and the file it is in when not the same file.</summary>
internal sealed record ExtendsReference(ScalarNode Service, ScalarNode? File);
