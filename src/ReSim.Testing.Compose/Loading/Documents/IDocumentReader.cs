using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Documents;

/// <summary>
/// How a stage reads the other files a compose file names (<c>include</c>, <c>extends.file</c>, <c>env_file</c>,
/// <c>label_file</c>, <c>.env</c>); the reader diagnoses what keeps a file from being read.
/// </summary>
internal interface IDocumentReader
{
    /// <summary>Whether anything (a file, a directory, a device...) is at <paramref name="fullPath"/>.</summary>
    bool Exists(string fullPath);

    /// <summary>
    /// Reads a text file the loader was pointed at; diagnoses a file that is not regular (never opened), size and encoding,
    /// not absence. Problems of the file as a whole are reported at <paramref name="namedBy"/>, the value of the key that
    /// named the file, when there is one.
    /// </summary>
    /// <returns>The text, or <see langword="null"/> when the file is missing or could not be read (then diagnosed).</returns>
    string? ReadText(string fullPath, string displayPath, ComposeNode? namedBy = null, string? keyPath = null);

    /// <summary>Loads the compose file at <paramref name="fullPath"/>, for <c>extends</c> and <c>include</c>, interpolated with <paramref name="variables"/>.</summary>
    /// <remarks>The file is read and parsed once; a later load with the same variables gets the same document, one with other variables its own interpolation of it.</remarks>
    /// <returns>The document, or <see langword="null"/> when it could not be read or holds no usable services (then diagnosed).</returns>
    LoadedDocument? LoadFile(string fullPath, SourceDocument document, VariableLookup variables, ComposeNode namedBy, string keyPath);
}
