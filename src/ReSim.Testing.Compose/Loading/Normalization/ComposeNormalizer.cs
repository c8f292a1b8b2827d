using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>The normalize stage for a whole file: top-level keys, named volumes, and every (already extended) service.</summary>
internal sealed class ComposeNormalizer(VariableLookup variables, IDocumentReader loader, DiagnosticBag diagnostics)
{
    private readonly SourceMap sourceMap = new();

    public NormalizedCompose Normalize(LoadedDocument document, ImmutableArray<MappingEntry> services)
    {
        var volumes = ImmutableArray<VolumeDefinition>.Empty;
        foreach (var entry in document.Root.Entries)
        {
            switch (entry.Name)
            {
                case "services" or "version" or "include":
                    break;
                case "name":
                    // compose's schema: the project name is a string. ReSim names the project itself, so only the type is checked.
                    if (entry.Value is not ScalarNode { Kind: ScalarKind.String })
                    {
                        diagnostics.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"The top-level `name` is {entry.Value.Describe()}; it must be a string.", "Quote it, such as `name: \"my-project\"`, or remove it.", "name");
                    }

                    break;
                case "volumes":
                    volumes = ReadVolumes(entry.Value);
                    break;
                case "networks":
                    CheckNetworks(entry.Value);
                    break;
                case var key when key.StartsWith("x-", StringComparison.Ordinal):
                    break;
                default:
                    diagnostics.Warning(DiagnosticCodes.IgnoredKey, entry.Key.Location, $"The top-level key `{entry.Name}` is ignored: ReSim does not support it (R3).", $"Remove `{entry.Name}`.", entry.Name);
                    break;
            }
        }

        foreach (var service in services)
        {
            CheckName(service, "service", "services", DiagnosticCodes.InvalidServiceName, "it is also the service's host name inside the experience (R12)");
        }

        var normalizer = new ServiceNormalizer(variables, loader, diagnostics, sourceMap);
        var normalized = services.Select(normalizer.Normalize).OfType<NormalizedService>().ToImmutableArray();
        var servicesLocation = document.Root.Find("services")!.Key.Location;
        return new NormalizedCompose(normalized, volumes, sourceMap, servicesLocation);
    }

    private ImmutableArray<VolumeDefinition> ReadVolumes(ComposeNode node)
    {
        if (node is not MappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"The top-level `volumes` is {node.Describe()}, not a mapping of volume names.", "Write `volumes:\\n  data: {}`.", "volumes");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<VolumeDefinition>();
        foreach (var entry in mapping.Entries)
        {
            CheckName(entry, "volume", "volumes", DiagnosticCodes.InvalidVolumeName, "services mount it by this name (R10)");
            sourceMap.Add($"volumes.{entry.Name}", entry.Key.Location);
            var definition = new VolumeDefinition(entry.Name, entry.Key.Location);
            if (entry.Value is MappingNode options)
            {
                // As compose refuses it: an external volume exists already, so it takes no settings but its name.
                var external = options.Get("external") is ScalarNode { Kind: ScalarKind.Boolean } flag && flag.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
                foreach (var option in options.Entries)
                {
                    if (external && option.Name is not ("name" or "external") && !option.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        diagnostics.Error(DiagnosticCodes.InvalidValue, option.Key.Location, $"Volume `{entry.Name}` is `external` and also sets `{option.Name}`; compose refuses the two together, since an external volume already exists.", $"Remove `{option.Name}`, or `external: true`.", $"volumes.{entry.Name}.{option.Name}");
                    }
                    else if (option.Name == "labels")
                    {
                        var context = new ServiceContext(entry.Name, diagnostics, sourceMap, "volume", "volumes");
                        definition = definition with { Labels = LabelsNormalizer.Normalize(option.Value, null, context, loader) };
                    }
                    else if (option.Name != "name")
                    {
                        diagnostics.Warning(DiagnosticCodes.IgnoredKey, option.Key.Location, $"`{option.Name}` of volume `{entry.Name}` is ignored: each experience gets its own fresh local volume (R10).", $"Remove `{option.Name}`.", $"volumes.{entry.Name}.{option.Name}");
                    }
                }
            }
            else if (entry.Value is not ScalarNode { IsNull: true })
            {
                diagnostics.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"Volume `{entry.Name}` is {entry.Value.Describe()}, not a mapping.", $"Write `{entry.Name}: {{}}` or leave the value empty.", $"volumes.{entry.Name}");
            }

            result.Add(definition);
        }

        return result.ToImmutable();
    }

    private void CheckName(MappingEntry entry, string kind, string section, string code, string why)
    {
        if (!ComposeName.IsValid(entry.Name))
        {
            diagnostics.Error(code, entry.Key.Location, $"The {kind} name `{entry.Name}` is not allowed: compose names use only ASCII letters, digits, `.`, `_` and `-`; {why}.", $"Rename it, such as to `{ComposeName.Suggest(entry.Name)}`, and update every reference to it.", $"{section}.{entry.Name}");
        }
    }

    private void CheckNetworks(ComposeNode node)
    {
        if (node is not MappingNode mapping)
        {
            return;
        }

        foreach (var entry in mapping.Entries.Where(e => e.Name != "default"))
        {
            diagnostics.Error(DiagnosticCodes.CustomNetwork, entry.Key.Location, $"The top-level network `{entry.Name}` cannot exist in a ReSim experience: all services share one network (R3, R12).", $"Remove `{entry.Name}` from the top-level `networks` and from every service's `networks`.", $"networks.{entry.Name}");
        }
    }
}
