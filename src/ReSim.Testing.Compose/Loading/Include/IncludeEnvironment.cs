using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Include;

/// <summary>The variables of an included project: the including file's, then its <c>env_file</c> (or <c>.env</c>) values for what those lack.</summary>
internal sealed class IncludeEnvironment(IDocumentReader loader, DiagnosticBag diagnostics)
{
    private const string DotEnv = ".env";

    public VariableLookup For(LoadedDocument including, IncludeReference reference, string projectDirectory, VariableLookup variables)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reference.EnvFiles.IsEmpty)
        {
            var dotEnv = Path.Combine(projectDirectory, DotEnv);
            if (loader.ReadText(dotEnv, dotEnv) is { } text)
            {
                DotEnvParser.Parse(text, dotEnv, variables, values, diagnostics);
            }
        }

        // compose-go skips /dev/null here: it is the usual way to say "no env file".
        foreach (var file in reference.EnvFiles.Where(f => f.Value != "/dev/null"))
        {
            var fullPath = including.Document.Resolve(file.Value);
            var display = Path.Combine(Path.GetDirectoryName(including.Document.DisplayPath) ?? string.Empty, file.Value).Replace('\\', '/');
            if (!loader.Exists(fullPath))
            {
                diagnostics.Error(DiagnosticCodes.FileNotFound, file.Location, $"`env_file` of an `include` names `{file.Value}`, which does not exist ({fullPath}).", "Create the file or fix the path; a relative path is resolved against the folder of the including file.", "include");
            }
            else if (loader.ReadText(fullPath, display, file, "include") is { } text)
            {
                DotEnvParser.Parse(text, display, variables, values, diagnostics);
            }
        }

        return variables.Then(values);
    }

    /// <summary>Resolves <c>environment: [KEY]</c> items of an included service from the include's variables, as compose-go does when it loads the file.</summary>
    public static ComposeNode ResolveListed(ComposeNode service, VariableLookup variables)
    {
        if (service is not MappingNode mapping || mapping.Find("environment") is not { Value: SequenceNode list } entry)
        {
            return service;
        }

        var items = list.Items.Select(item => item is ScalarNode { Kind: ScalarKind.String } scalar && !scalar.Value.Contains('=', StringComparison.Ordinal) && variables.TryGet(scalar.Value, out var value)
            ? scalar.WithValue($"{scalar.Value}={value}")
            : item);
        return mapping.WithEntries([.. mapping.Entries.Select(e => ReferenceEquals(e, entry) ? e with { Value = list.WithItems([.. items]) } : e)]);
    }
}
