using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes one service: short forms to long forms, supported keys kept, ignored keys warned about and incompatible ones refused (R3).</summary>
internal sealed class ServiceNormalizer(VariableLookup variables, IDocumentReader loader, DiagnosticBag diagnostics, SourceMap sourceMap)
{
    private static readonly string[] WatchRuleKeys = ["path", "action"];

    public NormalizedService? Normalize(MappingEntry entry)
    {
        var context = new ServiceContext(entry.Name, diagnostics, sourceMap);
        if (entry.Value is not MappingNode service)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, entry.Key.Location, $"Service `{entry.Name}` is {entry.Value.Describe()}, not a mapping.", "Give the service its keys, at least `image:`.", $"services.{entry.Name}");
            return null;
        }

        var definition = new ServiceDefinition { Name = entry.Name, Image = string.Empty, Location = entry.Key.Location };
        var ports = ImmutableArray.CreateBuilder<PortDeclaration>();
        ComposeNode? environment = null, envFile = null, labels = null, labelFile = null;
        MappingEntry? build = null;
        var references = ImmutableArray.CreateBuilder<ServiceReference>();
        foreach (var item in service.Entries)
        {
            var value = item.Value;
            context.Mark(item.Name, item.Key);
            switch (item.Name)
            {
                case "image": definition = definition with { Image = context.ReadString(value, "image") ?? string.Empty }; break;
                case "entrypoint": definition = definition with { Entrypoint = context.ReadCommand(value, "entrypoint") }; break;
                case "command": definition = definition with { Command = context.ReadCommand(value, "command") }; break;
                case "working_dir": definition = definition with { WorkingDir = context.ReadString(value, "working_dir") }; break;
                case "environment": environment = value; break;
                case "env_file": envFile = value; break;
                case "healthcheck": definition = definition with { Healthcheck = HealthcheckNormalizer.Normalize(value, context) }; break;
                case "depends_on": definition = definition with { DependsOn = DependsOnNormalizer.Normalize(value, context) }; break;
                case "restart": definition = definition with { Restart = ReadRestart(value, context) }; break;
                case "deploy": definition = definition with { Resources = ResourcesNormalizer.Normalize(value, context) }; break;
                case "profiles": definition = definition with { Profiles = context.ReadStringList(value, "profiles") ?? [] }; break;
                case "labels": labels = value; break;
                case "label_file": labelFile = value; break;
                case "volumes": definition = definition with { Volumes = VolumeMountNormalizer.Normalize(value, context) }; break;
                case "network_mode":
                    definition = definition with { NetworkMode = context.ReadString(value, "network_mode") };
                    references.AddRange(ServiceReferences(item));
                    break;
                case "ipc" or "pid" or "volumes_from":
                    references.AddRange(ServiceReferences(item));
                    Ignore(item, context, "ReSim does not support it", $"Remove `{item.Name}`, or check its spelling.");
                    break;
                case "ports" or "expose": ports.AddRange(ReadPorts(item, context)); break;
                case "networks": CheckNetworks(item, context); break;
                case "build": build = item; break;
                case var key when key.StartsWith("x-", StringComparison.Ordinal): break;
                case "develop":
                    CheckWatchRules(item, context);
                    Ignore(item, context, "ReSim runs images as they are and watches nothing", "Remove `develop`; it is for `docker compose watch` on a developer's machine.");
                    break;
                case "container_name": Ignore(item, context, "names must be unique per run, so ReSim names containers itself", "Remove `container_name`; other services reach this one by its service name."); break;
                default: Ignore(item, context, "ReSim does not support it", $"Remove `{item.Name}`, or check its spelling."); break;
            }
        }

        CheckImage(entry, definition, build, context);
        definition = definition with
        {
            References = references.ToImmutable(),
            Labels = labels is null && labelFile is null ? definition.Labels : LabelsNormalizer.Normalize(labels, labelFile, context, loader),
        };
        var environmentValues = new EnvironmentNormalizer(context, variables, loader).Normalize(envFile, environment);
        return new NormalizedService(definition with { Environment = environmentValues }, ports.ToImmutable());
    }

    // `service:NAME` in network_mode, ipc and pid; in volumes_from, `NAME` or `NAME:ro|rw`, unless it is `container:NAME`.
    private static IEnumerable<ServiceReference> ServiceReferences(MappingEntry item)
    {
        var values = item.Value switch
        {
            ScalarNode scalar => [scalar.Value],
            SequenceNode sequence => sequence.Items.OfType<ScalarNode>().Select(s => s.Value).ToList(),
            _ => new List<string>(),
        };
        foreach (var value in values)
        {
            if (item.Name == "volumes_from")
            {
                if (!value.StartsWith("container:", StringComparison.Ordinal) && value.Split(':')[0] is { Length: > 0 } service)
                {
                    yield return new ServiceReference(item.Name, service);
                }
            }
            else if (value.StartsWith("service:", StringComparison.Ordinal))
            {
                yield return new ServiceReference(item.Name, value["service:".Length..]);
            }
        }
    }

    // compose's schema: each `develop.watch` rule has a `path` and an `action`; compose refuses the file otherwise.
    private static void CheckWatchRules(MappingEntry item, ServiceContext context)
    {
        if (item.Value is not MappingNode { } develop || develop.Get("watch") is not SequenceNode watch)
        {
            return;
        }

        for (var i = 0; i < watch.Items.Length; i++)
        {
            if (watch.Items[i] is not MappingNode rule)
            {
                continue;
            }

            foreach (var required in WatchRuleKeys.Where(key => rule.Get(key) is null))
            {
                context.Missing(rule, $"develop.watch.{i}.{required}", $"Add `{required}:` to the watch rule (compose refuses a rule without it), or remove `develop`.");
            }
        }
    }

    private static RestartPolicy ReadRestart(ComposeNode node, ServiceContext context)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } scalar && RestartParser.Parse(scalar.Value) is { } policy)
        {
            return policy;
        }

        context.Invalid(node, "restart", ServiceContext.Show(node), "a restart policy", "Use `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N` (quote `\"no\"` if your editor turns it into a boolean).");
        return RestartPolicy.No;
    }

    private static ImmutableArray<PortDeclaration> ReadPorts(MappingEntry item, ServiceContext context)
    {
        var why = item.Name == "ports" ? "nothing is published to the host on ReSim" : "every port is reachable inside the experience anyway";
        Ignore(item, context, why + " (R12)", $"Remove `{item.Name}`; other services reach this one at `{context.Service}:<port>`.");
        return PortsReader.Read(item.Value, item.Name, context);
    }

    private static void CheckNetworks(MappingEntry item, ServiceContext context)
    {
        var names = item.Value switch
        {
            SequenceNode sequence => sequence.Items.OfType<ScalarNode>().Select(s => (s.Value, (ComposeNode)s)).ToList(),
            MappingNode mapping => mapping.Entries.Select(e => (e.Name, (ComposeNode)e.Key)).ToList(),
            _ => [],
        };
        var custom = names.Where(n => n.Item1 != "default").ToList();
        foreach (var (name, node) in custom)
        {
            context.Diagnostics.Error(DiagnosticCodes.ServiceNetwork, node.Location, $"Service `{context.Service}` joins the network `{name}`; a ReSim experience has one network that every service shares (R3, R12).", "Remove `networks` from the service; services reach each other by service name on the shared network.", context.PathOf("networks"));
        }

        if (custom.Count == 0)
        {
            Ignore(item, context, "every service is on the experience's one shared network", "Remove `networks`.");
        }
    }

    private static void CheckImage(MappingEntry entry, ServiceDefinition definition, MappingEntry? build, ServiceContext context)
    {
        if (definition.Image.Length > 0)
        {
            if (build is not null)
            {
                Ignore(build, context, "ReSim pulls `image` and never builds", "Build and push the image before the run, and remove `build`.");
            }
        }
        else if (build is not null)
        {
            context.Diagnostics.Error(DiagnosticCodes.BuildWithoutImage, build.Key.Location, $"Service `{entry.Name}` has `build` but no `image`; ReSim runs images and never builds them (R3).", "Add `image: <registry>/<name>:<tag>` naming the image the build produces, and build it before the run.", context.PathOf("build"));
        }
        else if (entry.Value is MappingNode service && service.Get("image") is { } image)
        {
            context.Diagnostics.Error(DiagnosticCodes.MissingImage, image.Location, $"`image` of service `{entry.Name}` is empty.", "Give the image a name and tag; if it comes from a variable, set that variable (see RSIM010).", context.PathOf("image"));
        }
        else
        {
            context.Diagnostics.Error(DiagnosticCodes.MissingImage, entry.Key.Location, $"Service `{entry.Name}` has no `image`.", "Add `image: <name>:<tag>`; every ReSim service runs an image (R3).", context.PathOf("image"));
        }
    }

    private static void Ignore(MappingEntry item, ServiceContext context, string why, string hint) =>
        context.Diagnostics.Warning(DiagnosticCodes.IgnoredKey, item.Key.Location, $"`{item.Name}` of service `{context.Service}` is ignored (R3): {why}.", hint, context.PathOf(item.Name));
}
