using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Pipeline;

namespace ReSim.Testing.Compose.Loading.Extends;

/// <summary>
/// The extends/merge stage: replaces every service that has <c>extends</c> (same file, or <c>file:</c> +
/// <c>service:</c>, chains included) by the merge of its base and itself (R2), and diagnoses unknown
/// services, missing files and cycles.
/// </summary>
internal sealed class ExtendsResolver(DocumentLoader loader, DiagnosticBag diagnostics)
{
    private readonly List<(string Document, string Service)> chain = [];

    /// <summary>The services of <paramref name="main"/> with every <c>extends</c> resolved, in file order.</summary>
    public ImmutableArray<MappingEntry> Resolve(LoadedDocument main)
    {
        var builder = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var entry in main.Services.Entries)
        {
            if (entry.Value is not MappingNode service)
            {
                builder.Add(entry);
                continue;
            }

            chain.Add((main.Document.Identity, entry.Name));
            builder.Add(entry with { Value = ResolveService(main, entry.Name, service) });
            chain.Clear();
        }

        return builder.ToImmutable();
    }

    private MappingNode ResolveService(LoadedDocument document, string name, MappingNode service)
    {
        if (service.Find("extends") is not { } extendsEntry)
        {
            return service;
        }

        var own = service.Without("extends");
        if (ReadReference(name, extendsEntry) is not { } reference)
        {
            return own;
        }

        var target = document;
        if (reference.File is { } file)
        {
            var fullPath = file.Document.Resolve(file.Value);
            var display = Path.Combine(Path.GetDirectoryName(file.Document.DisplayPath) ?? string.Empty, file.Value).Replace('\\', '/');
            if (!loader.Exists(fullPath))
            {
                diagnostics.Error(DiagnosticCodes.ExtendsFileMissing, file.Location, $"Service `{name}` extends a service in `{file.Value}`, which does not exist ({fullPath}).", "Fix `extends.file`; a relative path is resolved against the folder of the file that names it.", $"services.{name}.extends.file");
                return own;
            }

            if (loader.LoadFile(fullPath, new SourceDocument(display, Path.GetDirectoryName(fullPath)!, fullPath)) is not { } loaded)
            {
                return own;
            }

            target = loaded;
        }

        var baseName = reference.Service.Value;
        if (target.Services.Get(baseName) is not MappingNode baseService)
        {
            diagnostics.Error(DiagnosticCodes.ExtendsUnknownService, reference.Service.Location, $"Service `{name}` extends `{baseName}`, which is not a service of {target.Document.DisplayPath}.", $"Declare `{baseName}` under `services` in {target.Document.DisplayPath}, or fix `extends.service`.", $"services.{name}.extends");
            return own;
        }

        if (chain.Contains((target.Document.Identity, baseName)))
        {
            var cycle = string.Join(" -> ", chain.Select(c => c.Service).Append(baseName));
            diagnostics.Error(DiagnosticCodes.ExtendsCycle, reference.Service.Location, $"Service `{name}` extends `{baseName}`, which leads back to itself: {cycle}.", "Break the cycle: a service may not extend itself, directly or through others.", $"services.{name}.extends");
            return own;
        }

        chain.Add((target.Document.Identity, baseName));
        var resolvedBase = ResolveService(target, baseName, baseService);
        chain.RemoveAt(chain.Count - 1);
        return ServiceMerger.Merge(resolvedBase, own);
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
