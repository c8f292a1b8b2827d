using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Parsing;

/// <summary>A structural problem found while a node is added to its parent; reported, then parsing goes on.</summary>
internal readonly record struct TreeProblem(string Code, ComposeNode Node, string Message, string Hint);
