namespace ReSim.Testing.Compose.Loading.Nodes;

/// <summary>A file the nodes of a tree come from: the name diagnostics show and the folder its relative paths resolve against.</summary>
/// <param name="DisplayPath">The path as given (or as derived from an <c>extends.file</c>), or the source name of a string input.</param>
/// <param name="Directory">The absolute folder relative paths in this file are resolved against.</param>
/// <param name="FullPath">The absolute path of the file, or <see langword="null"/> for a string input.</param>
internal sealed record SourceDocument(string DisplayPath, string Directory, string? FullPath = null)
{
    /// <summary>What identifies the file, whatever path it was reached by.</summary>
    public string Identity => FullPath ?? DisplayPath;

    public string Resolve(string relativeOrAbsolute) =>
        Path.GetFullPath(Path.Combine(Directory, relativeOrAbsolute));
}
