using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Results;

/// <summary>A run's outputs folder as <see cref="OutputFolder.List"/> found it: the files to read and every entry left out.</summary>
/// <param name="Files">The regular files within the limits, in ordinal order of their paths.</param>
/// <param name="Skipped">Every entry not taken, with why: links, FIFOs, sockets, devices, files past a limit.</param>
public sealed record OutputListing(ImmutableArray<OutputFile> Files, ImmutableArray<SkippedOutput> Skipped);
