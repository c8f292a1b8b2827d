using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>One service on the way down an <c>extends</c> chain: where it is, and its own keys without <c>extends</c>.</summary>
internal sealed record ExtendsLink(LoadedDocument Document, string Name, MappingNode Own)
{
    public (string Document, string Service) Key => (Document.Document.Identity, Name);
}
