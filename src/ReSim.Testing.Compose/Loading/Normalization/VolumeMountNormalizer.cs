using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes a service's <c>volumes</c>, short (<c>src:dst[:ro]</c>) or long, into <see cref="VolumeMount"/>s.</summary>
/// <remarks>
/// A source that starts with <c>/</c>, <c>.</c> or <c>~</c> is a bind mount: it is resolved to an absolute path
/// against the folder of the file that declares it, kept in the model and warned about (RSIM090): the engine leaves it
/// out unless the experience opts in to host mounts, since the platform has none of the user's host paths.
/// The long form is checked as compose-go checks it: only the schema's keys (and <c>x-</c> keys), a <c>source</c> for a
/// bind mount, and a <c>tmpfs.size</c> that is a whole number of bytes, at least 0, or a size such as <c>1kb</c>.
/// </remarks>
internal static class VolumeMountNormalizer
{
    // The keys compose's schema allows in a long-form volume.
    private static readonly string[] LongKeys = ["type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image"];

    // Where the platform puts an experience's input files, so the hint can point users to it.
    private const string InputsFolder = "/tmp/resim/inputs";

    public static ImmutableArray<VolumeMount> Normalize(ComposeNode node, ServiceContext context)
    {
        if (node is not SequenceNode sequence)
        {
            context.WrongType(node, "volumes", "a list", "Write `volumes: [\"data:/data\"]`.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<VolumeMount>();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"volumes[{i}]");
            var item = sequence.Items[i];
            context.Mark(key, item);
            var mount = item switch
            {
                ScalarNode { Kind: ScalarKind.String } scalar => ReadShort(scalar, key, context),
                MappingNode mapping => ReadLong(mapping, key, context),
                _ => WrongItem(item, key, context),
            };
            if (mount is not null)
            {
                result.Add(Resolve(mount, item, key, context));
            }
        }

        return result.ToImmutable();
    }

    private static VolumeMount? ReadShort(ScalarNode scalar, string key, ServiceContext context)
    {
        var parts = scalar.Value.Split(':');
        var modes = parts.Length > 1 ? parts[^1].Split(',') : [];
        var hasMode = parts.Length == 3 || (parts.Length == 2 && modes.All(IsMode));
        var pathParts = hasMode ? parts[..^1] : parts;
        if (pathParts.Length is < 1 or > 2 || pathParts.Any(p => p.Length == 0))
        {
            context.Invalid(scalar, key, scalar.Value, "a volume in the form `source:target[:ro]`", "Write `name:/path`, `./dir:/path:ro` or a long-form mapping.");
            return null;
        }

        var readOnly = hasMode && modes.Contains("ro", StringComparer.Ordinal);
        if (pathParts.Length == 1)
        {
            return new VolumeMount(VolumeMountType.Volume, null, pathParts[0], readOnly);
        }

        var type = IsHostPath(pathParts[0]) ? VolumeMountType.Bind : VolumeMountType.Volume;
        return new VolumeMount(type, pathParts[0], pathParts[1], readOnly);
    }

    private static VolumeMount? ReadLong(MappingNode mapping, string key, ServiceContext context)
    {
        if (mapping.Entries.FirstOrDefault(e => !LongKeys.Contains(e.Name, StringComparer.Ordinal) && !e.Name.StartsWith("x-", StringComparison.Ordinal)) is { } unknown)
        {
            context.Invalid(unknown.Key, $"{key}.{unknown.Name}", unknown.Name, "a key of a long-form volume", "Use `type`, `source`, `target`, `read_only`, `bind`, `volume` or `tmpfs`.");
            return null;
        }

        var typeText = mapping.Get("type") is { } typeNode ? context.ReadString(typeNode, $"{key}.type") : "volume";
        VolumeMountType? type = typeText switch
        {
            "volume" => VolumeMountType.Volume,
            "bind" => VolumeMountType.Bind,
            "tmpfs" => VolumeMountType.Tmpfs,
            _ => null,
        };
        if (type is null)
        {
            context.Invalid(mapping.Get("type") ?? mapping, $"{key}.type", typeText ?? string.Empty, "a supported mount type", "Use `volume`, `bind` or `tmpfs`.");
            return null;
        }

        var target = mapping.Get("target") is { } targetNode ? context.ReadString(targetNode, $"{key}.target") : null;
        if (target is null)
        {
            context.Missing(mapping, $"{key}.target", "Add `target:`, the path inside the container.");
            return null;
        }

        var source = mapping.Get("source") is { } sourceNode ? context.ReadString(sourceNode, $"{key}.source") : null;
        if (type == VolumeMountType.Bind && string.IsNullOrEmpty(source))
        {
            context.Missing(mapping, $"{key}.source", "Add `source:`, the host path to mount.");
            return null;
        }

        if (mapping.Get("tmpfs") is MappingNode tmpfs && tmpfs.Get("size") is { } size && !IsTmpfsSize(size, $"{key}.tmpfs.size", context))
        {
            return null;
        }

        var readOnly = mapping.Get("read_only") is { } readOnlyNode && context.ReadBoolean(readOnlyNode, $"{key}.read_only") == true;
        return new VolumeMount(type.Value, source, target, readOnly);
    }

    private static VolumeMount Resolve(VolumeMount mount, ComposeNode item, string key, ServiceContext context)
    {
        if (mount.Type != VolumeMountType.Bind || mount.Source is null)
        {
            return mount;
        }

        var source = mount.Source.StartsWith('~')
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), mount.Source.TrimStart('~').TrimStart('/', '\\'))
            : item.Document.Resolve(mount.Source);
        context.Diagnostics.Warning(
            DiagnosticCodes.BindMount,
            item.Location,
            $"`{key}` of service `{context.Service}` bind-mounts the host path `{mount.Source}` (`{source}`): host paths are not mounted by default, since the ReSim platform has none of your host paths, so the service runs without this mount.",
            $"Get data in as the platform does: put input files in the experience's inputs folder (`Inputs`, mounted read-only at {InputsFolder}), or use a named volume declared under the top-level `volumes`. "
                + "To mount it for local runs only, opt in with `[ComposeExperience(..., AllowHostMounts = true)]` or `AllowHostMounts=\"true\"` on the `ComposeExperience` item; "
                + "the host's `/`, `/proc`, `/sys`, `/dev` and the container engine's socket are refused even then.",
            context.PathOf(key));
        return mount with { Source = source };
    }

    private static VolumeMount? WrongItem(ComposeNode item, string key, ServiceContext context)
    {
        context.WrongType(item, key, "a string or a mapping", "Write `name:/path` or `{type: volume, source: name, target: /path}`.");
        return null;
    }

    // compose's schema: an integer of at least 0, or a string that is a size (`1kb`).
    private static bool IsTmpfsSize(ComposeNode size, string key, ServiceContext context)
    {
        switch (size)
        {
            case ScalarNode { Kind: ScalarKind.Integer } whole when whole.Value.StartsWith('-'):
                context.Invalid(size, key, whole.Value, "a size of at least 0", "Write a size such as `0`, `1024` or `1kb`.");
                return false;
            case ScalarNode { Kind: ScalarKind.Integer }:
                return true;
            case ScalarNode { Kind: ScalarKind.String } text when MemorySize.TryParse(text.Value, out var bytes) && bytes >= 0:
                return true;
            case ScalarNode { Kind: ScalarKind.String } text:
                context.Invalid(size, key, text.Value, "a size of at least 0", "Write a size such as `0`, `1024` or `1kb`.");
                return false;
            default:
                context.WrongType(size, key, "a whole number of bytes or a size such as `1kb`", "Write a size such as `1024` or `1kb`.");
                return false;
        }
    }

    private static bool IsMode(string option) => option is "ro" or "rw" or "z" or "Z" or "cached" or "delegated" or "consistent" or "nocopy";

    private static bool IsHostPath(string source) => source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~');
}
