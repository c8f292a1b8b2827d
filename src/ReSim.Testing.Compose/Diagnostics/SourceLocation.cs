namespace ReSim.Testing.Compose.Diagnostics;

/// <summary>A position in a compose file: the file, and a 1-based line and column.</summary>
/// <param name="File">The path of the file as given to the loader, or a display name for a string input.</param>
/// <param name="Line">The 1-based line; 0 when the position is unknown.</param>
/// <param name="Column">The 1-based column; 0 when the position is unknown.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for a diagnostic that belongs to a whole file rather than one position in it.</summary>
    /// <param name="file">The file the diagnostic is about.</param>
    /// <returns>A location at line 0, column 0 of <paramref name="file"/>.</returns>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    /// <summary>Formats the location the way compilers and MSBuild do: <c>file(line,column)</c>.</summary>
    /// <returns>The canonical text of the location.</returns>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
