using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Documents;

/// <summary>A parsed and interpolated compose file: its top-level mapping and its <c>services</c> mapping.</summary>
internal sealed record LoadedDocument(SourceDocument Document, MappingNode Root, MappingNode Services);
