namespace ReSim.Testing.Engine.Results;

/// <summary>Finds a document that every ReSim.Testing package ships under <c>docs/</c> (and the repository holds), for messages that point at it.</summary>
internal static class PackagedDocument
{
    /// <summary>Finds <paramref name="relativePath"/> in a folder above <paramref name="file"/>: the package an assembly came from (<c>lib/net8.0/</c>, <c>tasks/net8.0/</c>), or a source checkout.</summary>
    /// <param name="file">A file or folder, such as an assembly's location.</param>
    /// <param name="relativePath">The document's path inside a package, such as <c>docs/rules.md</c>.</param>
    /// <returns>The document's full path, or <see langword="null"/> when no folder up to six levels above holds it.</returns>
    public static string? Near(string? file, string relativePath)
    {
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var folder = Directory.Exists(file) ? file : Path.GetDirectoryName(Path.GetFullPath(file));
        for (var level = 0; folder is not null && level <= 6; level++, folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
