using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>
/// The extends/merge stage: replaces every service that has <c>extends</c> (same file, or <c>file:</c> +
/// <c>service:</c>, chains included) by the merge of its base and itself (R2), and diagnoses unknown
/// services, missing files and cycles.
/// </summary>
/// <remarks>
/// Chains are walked iteratively and each service is resolved once, so a hostile file with a chain of
/// thousands of services neither exhausts the stack nor takes quadratic time.
/// </remarks>
/// <param name="loader">Loads the files named by <c>extends.file</c>.</param>
/// <param name="variables">What the files named by <c>extends.file</c> are interpolated with.</param>
/// <param name="diagnostics">Receives the stage's diagnostics.</param>
internal sealed class ExtendsResolver(IDocumentReader loader, VariableLookup variables, DiagnosticBag diagnostics)
{
    private readonly Dictionary<(string Document, string Service), MappingNode> resolved = [];

    /// <summary>The services of <paramref name="main"/> with every <c>extends</c> resolved and every <c>!reset</c> applied, in file order.</summary>
    public ImmutableArray<MappingEntry> Resolve(LoadedDocument main) =>
        [.. main.Services.Entries
            .Select(entry => (Entry: entry, Value: ResetTags.Strip(entry.Value is MappingNode service ? ResolveService(main, entry.Name, service) : entry.Value)))
            .Where(e => e.Value is not null)
            .Select(e => e.Entry with { Value = e.Value! })];

    private MappingNode ResolveService(LoadedDocument document, string name, MappingNode service)
    {
        // Walk down to a service without extends, one already resolved, a broken link or a cycle...
        var links = new List<ExtendsLink>();
        var onChain = new HashSet<(string, string)>();
        MappingNode? bottom = null;
        var current = (Document: document, Name: name, Service: service);
        while (true)
        {
            var key = (current.Document.Document.Identity, current.Name);
            if (resolved.TryGetValue(key, out var cached))
            {
                bottom = cached;
                break;
            }

            if (!onChain.Add(key))
            {
                ReportCycle(links, current.Name);
                break;
            }

            if (current.Service.Find("extends") is not { } extendsEntry)
            {
                links.Add(new ExtendsLink(current.Document, current.Name, current.Service));
                break;
            }

            links.Add(new ExtendsLink(current.Document, current.Name, current.Service.Without("extends")));
            if (Follow(current.Document, current.Name, extendsEntry) is not { } next)
            {
                break;
            }

            current = next;
        }

        // ...then merge back up, each service over the one it extends.
        for (var i = links.Count - 1; i >= 0; i--)
        {
            bottom = bottom is null ? links[i].Own : ServiceMerger.Merge(bottom, links[i].Own);
            resolved[links[i].Key] = bottom;
        }

        return bottom!;
    }

    private (LoadedDocument Document, string Name, MappingNode Service)? Follow(LoadedDocument document, string name, MappingEntry extendsEntry)
    {
        if (ReadReference(name, extendsEntry) is not { } reference)
        {
            return null;
        }

        var target = document;
        if (reference.File is { } file)
        {
            var fullPath = file.Document.Resolve(file.Value);
            var display = Path.Combine(Path.GetDirectoryName(file.Document.DisplayPath) ?? string.Empty, file.Value).Replace('\\', '/');
            if (!loader.Exists(fullPath))
            {
                diagnostics.Error(DiagnosticCodes.ExtendsFileMissing, file.Location, $"Service `{name}` extends a service in `{file.Value}`, which does not exist ({fullPath}).", "Fix `extends.file`; a relative path is resolved against the folder of the file that names it.", $"services.{name}.extends.file");
                return null;
            }

            if (loader.LoadFile(fullPath, new SourceDocument(display, Path.GetDirectoryName(fullPath)!, fullPath), variables, file, $"services.{name}.extends.file") is not { } loaded)
            {
                return null;
            }

            target = loaded;
        }

        var baseName = reference.Service.Value;
        var baseNode = target.Services.Get(baseName);
        if (baseNode is ScalarNode { IsNull: true } empty)
        {
            // compose-go extends an empty service (`base:` with no keys) as one with no keys.
            baseNode = new MappingNode(empty.Document, empty.Line, empty.Column, []);
        }

        if (baseNode is not MappingNode baseService)
        {
            diagnostics.Error(DiagnosticCodes.ExtendsUnknownService, reference.Service.Location, $"Service `{name}` extends `{baseName}`, which is not a service of {target.Document.DisplayPath}.", $"Declare `{baseName}` under `services` in {target.Document.DisplayPath}, or fix `extends.service`.", $"services.{name}.extends");
            return null;
        }

        return (target, baseName, baseService);
    }

    private void ReportCycle(List<ExtendsLink> links, string backTo)
    {
        var last = links[^1];
        var at = last.Document.Services.Get(last.Name) is MappingNode original && original.Get("extends") is { } extendsNode ? extendsNode.Location : last.Own.Location;
        var cycle = string.Join(" -> ", links.Select(l => l.Name).Append(backTo));
        diagnostics.Error(DiagnosticCodes.ExtendsCycle, at, $"Service `{last.Name}` extends `{backTo}`, which leads back to itself: {cycle}.", "Break the cycle: a service may not extend itself, directly or through others.", $"services.{last.Name}.extends");
    }

    private ExtendsReference? ReadReference(string name, MappingEntry entry)
    {
        switch (entry.Value)
        {
            case ScalarNode { Kind: ScalarKind.String } service:
                return new ExtendsReference(service, null);
            case MappingNode mapping when mapping.Get("service") is ScalarNode { Kind: ScalarKind.String } service:
                var file = mapping.Get("file");
                if (file is null or ScalarNode { Kind: ScalarKind.String })
                {
                    return new ExtendsReference(service, (ScalarNode?)file);
                }

                break;
        }

        diagnostics.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"`extends` of service `{name}` is {entry.Value.Describe()}; it takes a service name or a mapping with `service` (and optionally `file`).", "Write `extends: base` or `extends: {file: base.yml, service: base}`.", $"services.{name}.extends");
        return null;
    }
}
