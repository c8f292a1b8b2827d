using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Pipeline;

/// <summary>What one run of the <see cref="ComposePipeline"/> gives.</summary>
/// <param name="Model">The model; <see langword="null"/> when an error before the validate stage prevented building one.</param>
/// <param name="Diagnostics">Every diagnostic, in file order.</param>
internal sealed record PipelineResult(ComposeModel? Model, ImmutableArray<Diagnostic> Diagnostics);
