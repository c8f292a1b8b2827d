using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Extends;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Include;

/// <summary>
/// Top-level <c>include</c>, as compose-go applies it before <c>extends</c>: each included file (relative to the including
/// file's project folder) is loaded as a project of its own, with its own <c>include</c>, <c>extends</c> and variables,
/// and its services, volumes and networks are added to the including file's. A name both define is merged, the
/// including file winning; a file that includes itself, directly or not, is an error (RSIM017).
/// </summary>
/// <remarks>
/// An include's variables are the including file's, then its <c>env_file</c> list (or the <c>.env</c> in its project
/// folder) for what those lack. Relative paths of the included file resolve against <c>project_directory</c>, by
/// default the included file's folder. A file named by <c>extends.file</c> inside an included project is interpolated
/// with the include's variables, as compose-go loads an included project with its own environment.
/// </remarks>
/// <param name="loader">Loads the included files and their env files.</param>
/// <param name="mainVariables">The main file's variables: those the first level of includes starts from.</param>
/// <param name="diagnostics">Receives the stage's diagnostics.</param>
internal sealed class IncludeResolver(IDocumentReader loader, VariableLookup mainVariables, DiagnosticBag diagnostics)
{
    private static readonly string[] Imported = ["services", "volumes", "networks"];

    /// <summary><paramref name="document"/> (the main file) with what its <c>include</c> brings in; the same document when it has none.</summary>
    public LoadedDocument Apply(LoadedDocument document) => Apply(document, mainVariables, [document.Document.Identity]);

    private LoadedDocument Apply(LoadedDocument document, VariableLookup variables, ImmutableList<string> chain)
    {
        if (document.Root.Find("include") is not { } include)
        {
            return document;
        }

        if (include.Value is not SequenceNode items)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, include.Value.Location, $"`include` is {include.Value.Describe()}; it must be a list.", "Write `include: [other/compose.yaml]` or `include: [{path: other/compose.yaml, env_file: other.env}]`.", "include");
            return document;
        }

        var root = document.Root;
        foreach (var item in items.Items)
        {
            if (IncludeReference.Read(item, diagnostics) is not { } reference)
            {
                continue;
            }

            foreach (var imported in Load(document, reference, variables, chain))
            {
                root = Import(root, imported.Root);
            }
        }

        root = root.Without("include");
        return document with { Root = root, Services = (MappingNode)root.Get("services")! };
    }

    private IEnumerable<LoadedDocument> Load(LoadedDocument including, IncludeReference reference, VariableLookup variables, ImmutableList<string> chain)
    {
        var first = reference.Paths[0];
        var firstPath = including.Document.Resolve(first.Value);
        var projectDirectory = reference.ProjectDirectory is { } directory ? including.Document.Resolve(directory.Value) : Path.GetDirectoryName(firstPath)!;
        if (chain.Contains(firstPath, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", chain.Append(firstPath).Select(Path.GetFileName));
            diagnostics.Error(DiagnosticCodes.IncludeCycle, first.Location, $"`include` of `{first.Value}` leads back to a file already being included: {cycle}.", "Remove the include that closes the cycle; a file may not include itself, directly or through others.", "include");
            yield break;
        }

        var includeVariables = new IncludeEnvironment(loader, diagnostics).For(including, reference, projectDirectory, variables);
        foreach (var pathNode in reference.Paths)
        {
            var fullPath = including.Document.Resolve(pathNode.Value);
            var display = Path.Combine(Path.GetDirectoryName(including.Document.DisplayPath) ?? string.Empty, pathNode.Value).Replace('\\', '/');
            if (!loader.Exists(fullPath))
            {
                diagnostics.Error(DiagnosticCodes.FileNotFound, pathNode.Location, $"`include` names `{pathNode.Value}`, which does not exist ({fullPath}).", "Fix the path; a relative path is resolved against the folder of the file that includes it.", "include");
                continue;
            }

            var document = new SourceDocument(display, projectDirectory, fullPath);
            if (loader.LoadFile(fullPath, document, includeVariables, pathNode, "include") is not { } loaded)
            {
                continue;
            }

            var withIncludes = Apply(loaded, includeVariables, chain.Add(fullPath));
            var services = new ExtendsResolver(loader, includeVariables, diagnostics).Resolve(withIncludes);
            var resolved = withIncludes.Root.WithEntries([.. withIncludes.Root.Entries.Select(e => e.Name == "services"
                ? e with { Value = withIncludes.Services.WithEntries([.. services.Select(s => s with { Value = IncludeEnvironment.ResolveListed(s.Value, includeVariables) })]) }
                : e)]);
            yield return withIncludes with { Root = resolved };
        }
    }

    /// <summary>Adds the services, volumes and networks of <paramref name="imported"/> to <paramref name="root"/>; what <paramref name="root"/> has wins.</summary>
    private static MappingNode Import(MappingNode root, MappingNode imported)
    {
        foreach (var key in Imported)
        {
            if (imported.Get(key) is not MappingNode from || from.Entries.IsEmpty)
            {
                continue;
            }

            var existing = root.Find(key);
            var to = existing?.Value as MappingNode ?? new MappingNode(from.Document, from.Line, from.Column, []);
            var entries = from.Entries.ToList();
            foreach (var own in to.Entries)
            {
                var index = entries.FindIndex(e => e.Name == own.Name);
                if (index < 0)
                {
                    entries.Add(own);
                }
                else
                {
                    entries[index] = own with { Value = entries[index].Value is MappingNode a && own.Value is MappingNode b ? ServiceMerger.Merge(a, b) : own.Value };
                }
            }

            var merged = new MappingEntry(existing?.Key ?? new ScalarNode(from.Document, from.Line, from.Column, key, ScalarKind.String), to.WithEntries([.. entries]));
            root = existing is null
                ? root.WithEntries(root.Entries.Add(merged))
                : root.WithEntries([.. root.Entries.Select(e => e.Name == key ? merged : e)]);
        }

        return root;
    }
}
