using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Extends;
using ReSim.Testing.Compose.Loading.FileSystem;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Parsing;

namespace ReSim.Testing.Compose.Loading.Pipeline;

/// <summary>Reads, parses and interpolates compose files (the main one and those named by <c>include</c> and <c>extends.file</c>): the stages' <see cref="IDocumentReader"/> over the file system.</summary>
/// <remarks>A file is read and parsed once; it is interpolated once for each set of variables it is loaded with, so a base
/// file that the main project and an included one both extend gets each project's own variables.</remarks>
internal sealed class DocumentLoader(IComposeFileSystem fileSystem, LoadLimits limits, DiagnosticBag diagnostics) : IDocumentReader
{
    private readonly Dictionary<string, MappingNode?> parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, VariableLookup Variables), LoadedDocument?> interpolated = [];

    /// <inheritdoc />
    public bool Exists(string fullPath) => fileSystem.Probe(fullPath).Kind != FileKind.Missing;

    /// <inheritdoc />
    public string? ReadText(string fullPath, string displayPath, ComposeNode? namedBy = null, string? keyPath = null)
    {
        var probe = fileSystem.Probe(fullPath);
        var at = namedBy?.Location ?? SourceLocation.WholeFile(displayPath);
        if (probe.Kind != FileKind.Regular)
        {
            if (probe.Kind != FileKind.Missing)
            {
                ReportNotRegular(probe, fullPath, displayPath, at, keyPath);
            }

            return null;
        }

        if (SourceDecoder.IsTooLarge(probe.Length, displayPath, limits, diagnostics, at, keyPath))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = fileSystem.ReadAllBytes(fullPath, limits.MaxBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, at, $"The file `{displayPath}` cannot be read: {exception.Message}", "Check that the file is readable by the user running the experience.", keyPath);
            return null;
        }

        return SourceDecoder.Decode(bytes, displayPath, limits, diagnostics, at, keyPath);
    }

    private void ReportNotRegular(FileProbe probe, string fullPath, string displayPath, SourceLocation at, string? keyPath)
    {
        var hint = probe.Kind == FileKind.Directory
            ? "Name the file inside the directory, such as `dir/app.env`."
            : "Name a regular file. Devices, FIFOs and sockets are never opened: reading one could block the load forever or never end; copy the data into a file first.";
        diagnostics.Error(DiagnosticCodes.NotARegularFile, at, $"`{displayPath}` is {probe.Describe()}, not a regular file ({fullPath}); the loader reads only regular files.", hint, keyPath);
    }

    /// <inheritdoc />
    public LoadedDocument? LoadFile(string fullPath, SourceDocument document, VariableLookup variables, ComposeNode namedBy, string keyPath)
    {
        if (interpolated.TryGetValue((fullPath, variables), out var loaded))
        {
            return loaded;
        }

        if (!parsed.TryGetValue(fullPath, out var mapping))
        {
            var text = ReadText(fullPath, document.DisplayPath, namedBy, keyPath);
            mapping = text is null ? null : Parse(text, document);
            parsed[fullPath] = mapping;
        }

        loaded = mapping is null ? null : Interpolate(mapping, document, variables);
        interpolated[(fullPath, variables)] = loaded;
        return loaded;
    }

    /// <summary>Makes the main file known with its variables, so that an <c>extends.file</c> naming it with them gets the same document.</summary>
    public void Register(LoadedDocument document, VariableLookup variables)
    {
        if (document.Document.FullPath is { } fullPath)
        {
            interpolated[(fullPath, variables)] = document;
        }
    }

    /// <summary>Parses compose text and interpolates it with <paramref name="variables"/>; <see langword="null"/> when it holds no usable services (then diagnosed).</summary>
    /// <remarks>A file with <c>include</c> may have no <c>services</c> of its own.</remarks>
    public LoadedDocument? LoadText(string text, SourceDocument document, VariableLookup variables) =>
        Parse(text, document) is { } mapping ? Interpolate(mapping, document, variables) : null;

    private LoadedDocument Interpolate(MappingNode mapping, SourceDocument document, VariableLookup variables)
    {
        var interpolatedMapping = (MappingNode)new Interpolator(variables, diagnostics).Interpolate(mapping);
        return new LoadedDocument(document, interpolatedMapping, (MappingNode)interpolatedMapping.Get("services")!);
    }

    // The document's top level as a mapping with a mapping of services, not yet interpolated; null when it is not one (then diagnosed).
    private MappingNode? Parse(string text, SourceDocument document)
    {
        var before = diagnostics.Count;
        var documents = YamlTreeReader.Read(text, document, limits, diagnostics);
        var root = documents is null ? null : DocumentMerger.Merge(documents, diagnostics);
        if (root is null)
        {
            if (diagnostics.Count == before)
            {
                ReportEmpty(document);
            }

            return null;
        }

        if (root is ScalarNode { IsNull: true })
        {
            ReportEmpty(document);
            return null;
        }

        if (root is MappingNode { } withInclude && withInclude.Find("services") is null && withInclude.Find("include") is not null)
        {
            root = withInclude.WithEntries(withInclude.Entries.Add(new MappingEntry(new ScalarNode(document, withInclude.Line, withInclude.Column, "services", ScalarKind.String), new MappingNode(document, withInclude.Line, withInclude.Column, []))));
        }

        if (root is not MappingNode mapping || mapping.Find("services") is not { Value: var services } servicesEntry)
        {
            diagnostics.Error(
                DiagnosticCodes.NoServices,
                root.Location,
                root is MappingNode ? "The compose file has no top-level `services` key." : $"The compose file's top level is {root.Describe()}, not a mapping with a `services` key.",
                "Start the file with `services:` and declare each service under it.");
            return null;
        }

        if (services is not MappingNode)
        {
            diagnostics.Error(DiagnosticCodes.NoServices, servicesEntry.Key.Location, $"`services` is {services.Describe()}, not a mapping of service names to services.", "Write each service as a key under `services:`, such as `services:\\n  robot:\\n    image: ...`.", "services");
            return null;
        }

        return mapping;
    }

    private void ReportEmpty(SourceDocument document) =>
        diagnostics.Error(DiagnosticCodes.EmptyFile, new SourceLocation(document.DisplayPath, 1, 1), "The compose file is empty.", "Declare at least one service under `services:`, one of them labelled `resim.ai/isTestOrchestrator: \"true\"`.");
}
