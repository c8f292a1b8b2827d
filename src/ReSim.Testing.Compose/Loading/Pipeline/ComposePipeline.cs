using System.Diagnostics.CodeAnalysis;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Extends;
using ReSim.Testing.Compose.Loading.FileSystem;
using ReSim.Testing.Compose.Loading.Include;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Normalization;
using ReSim.Testing.Compose.Loading.Parsing;
using ReSim.Testing.Compose.Loading.Validation;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Pipeline;

/// <summary>Runs the stages in order (parse, interpolate, extends/merge, normalize, validate, bind) over injected file access.</summary>
internal sealed class ComposePipeline(IComposeFileSystem fileSystem, LoadLimits limits)
{
    private const string DotEnvFile = ".env";

    /// <summary>Loads the compose file at <paramref name="path"/>, absolute or relative to the current directory.</summary>
    public PipelineResult LoadFile(string path, PipelineOptions options) => Guard(path, diagnostics =>
    {
        if (FullPathOf(path, diagnostics) is not { } fullPath)
        {
            return null;
        }

        var workingDirectory = options.WorkingDirectory is { } given ? Path.GetFullPath(given) : Path.GetDirectoryName(fullPath)!;
        var loader = new DocumentLoader(fileSystem, limits, diagnostics);
        if (!loader.Exists(fullPath))
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, SourceLocation.WholeFile(path), $"The compose file `{path}` does not exist ({fullPath}).", "Check the path; a relative path is resolved against the current directory.");
            return null;
        }

        var text = loader.ReadText(fullPath, path);
        return text is null ? null : Run(text, new SourceDocument(path, workingDirectory, fullPath), loader, options, diagnostics);
    });

    /// <summary>Loads compose text that diagnostics name <paramref name="sourceName"/>.</summary>
    public PipelineResult LoadString(string content, string sourceName, PipelineOptions options) => Guard(sourceName, diagnostics =>
    {
        var workingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var loader = new DocumentLoader(fileSystem, limits, diagnostics);
        var text = SourceDecoder.CheckString(content, sourceName, limits, diagnostics);
        return text is null ? null : Run(text, new SourceDocument(sourceName, workingDirectory), loader, options, diagnostics);
    });

    private static string? FullPathOf(string path, DiagnosticBag diagnostics)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, SourceLocation.WholeFile(path), $"`{path}` is not a valid path: {exception.Message}", "Give the path of the compose file.");
            return null;
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The loader's contract is to never throw on user input: an unforeseen failure becomes an RSIM099 diagnostic.")]
    private static PipelineResult Guard(string displayPath, Func<DiagnosticBag, ComposeModel?> load)
    {
        var diagnostics = new DiagnosticBag();
        ComposeModel? model;
        try
        {
            model = load(diagnostics);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            diagnostics.Error(DiagnosticCodes.InternalError, SourceLocation.WholeFile(displayPath), $"The loader failed unexpectedly: {exception.GetType().Name}: {exception.Message}", "Please report this with the compose file; meanwhile, check the file around the keys named by other diagnostics.");
            model = null;
        }

        return new PipelineResult(model, diagnostics.ToSortedArray());
    }

    private static ComposeModel? Run(string text, SourceDocument document, DocumentLoader loader, PipelineOptions options, DiagnosticBag diagnostics)
    {
        var primary = options.Variables ?? VariableLookup.ProcessEnvironment().ToDictionary(StringComparer.Ordinal);
        var variables = new VariableLookup(primary, ReadDotEnv(document, loader, primary, diagnostics));
        if (loader.LoadText(text, document, variables) is not { } main)
        {
            return null;
        }

        loader.Register(main, variables);
        main = new IncludeResolver(loader, variables, diagnostics).Apply(main);
        var services = new ExtendsResolver(loader, variables, diagnostics).Resolve(main);
        var normalized = new ComposeNormalizer(variables, loader, diagnostics).Normalize(main, services);
        var bindable = !diagnostics.HasErrors;
        ComposeValidator.Validate(normalized, options.Profile, options.System ?? SystemResources.FromThisMachine(), diagnostics);
        return bindable ? Bind(normalized, document, options) : null;
    }

    private static ComposeModel Bind(NormalizedCompose normalized, SourceDocument document, PipelineOptions options) => new()
    {
        SourceFile = document.FullPath,
        WorkingDirectory = document.Directory,
        Profile = options.Profile,
        Services = [.. normalized.Services.Select(s => s.Definition)],
        Volumes = normalized.Volumes,
    };

    private static Dictionary<string, string> ReadDotEnv(SourceDocument document, DocumentLoader loader, IEnumerable<KeyValuePair<string, string>> primary, DiagnosticBag diagnostics)
    {
        var fullPath = document.Resolve(DotEnvFile);
        var display = Path.Combine(Path.GetDirectoryName(document.DisplayPath) ?? string.Empty, DotEnvFile).Replace('\\', '/');
        if (!loader.Exists(fullPath) || loader.ReadText(fullPath, display) is not { } text)
        {
            return [];
        }

        // As compose-go reads it: its values may use the variables given and keys set above them.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        DotEnvParser.Parse(text, display, new VariableLookup(primary, []), values, diagnostics);
        return values;
    }
}
