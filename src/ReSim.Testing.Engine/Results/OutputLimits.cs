namespace ReSim.Testing.Engine.Results;

/// <summary>How much of a run's outputs folder <see cref="OutputFolder.List"/> takes.</summary>
/// <param name="MaxFileBytes">The largest file taken.</param>
/// <param name="MaxTotalBytes">The most bytes taken in all; a file that does not fit in what is left is skipped.</param>
/// <param name="MaxEntries">The most entries (files, folders, anything) examined; the rest are skipped.</param>
/// <param name="MaxDepth">The deepest folder level entered, the outputs folder itself being 0.</param>
public sealed record OutputLimits(long MaxFileBytes, long MaxTotalBytes, int MaxEntries = 10_000, int MaxDepth = 32);
