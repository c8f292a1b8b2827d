using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Pipeline;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>env_file</c> and <c>environment</c> (map or <c>KEY=VAL</c> list) into one dictionary, <c>environment</c> winning.</summary>
/// <remarks>A key with no value (<c>KEY</c> or <c>KEY:</c>) takes the variable's value, or is dropped when the variable is not set, as compose does.</remarks>
internal sealed class EnvironmentNormalizer(ServiceContext context, VariableLookup variables, DocumentLoader loader)
{
    private readonly SortedDictionary<string, string> values = new(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, string> Normalize(ComposeNode? envFile, ComposeNode? environment)
    {
        if (envFile is not null)
        {
            ReadEnvFiles(envFile);
        }

        switch (environment)
        {
            case null:
                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    Set(entry.Name, entry.Value, $"environment.{entry.Name}");
                }

                break;
            case SequenceNode sequence when sequence.Items.All(i => i is ScalarNode { Kind: ScalarKind.String }):
                foreach (ScalarNode item in sequence.Items)
                {
                    var equals = item.Value.IndexOf('=', StringComparison.Ordinal);
                    SetOrLookup(equals < 0 ? item.Value : item.Value[..equals], equals < 0 ? null : item.Value[(equals + 1)..]);
                }

                break;
            default:
                context.WrongType(environment, "environment", "a mapping or a list of `KEY=VALUE` strings", "Write `environment: {KEY: value}` or `environment: [\"KEY=value\"]`.");
                break;
        }

        return values.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private void Set(string key, ComposeNode value, string path)
    {
        switch (value)
        {
            case ScalarNode { IsNull: true }:
                SetOrLookup(key, null);
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } flag:
                values[key] = flag.Value.ToLowerInvariant();
                break;
            case ScalarNode scalar:
                values[key] = scalar.Value;
                break;
            default:
                context.WrongType(value, path, "a string", "Give the variable one value, quoted if it has special characters.");
                break;
        }
    }

    private void SetOrLookup(string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
        else if (variables.TryGet(key, out var fromVariables))
        {
            values[key] = fromVariables;
        }
        else
        {
            values.Remove(key);
        }
    }

    private void ReadEnvFiles(ComposeNode node)
    {
        IEnumerable<ComposeNode> items = node is SequenceNode sequence ? sequence.Items : [node];
        foreach (var item in items)
        {
            var (pathNode, required) = item switch
            {
                ScalarNode { Kind: ScalarKind.String } scalar => (scalar, true),
                MappingNode mapping when mapping.Get("path") is ScalarNode { Kind: ScalarKind.String } path =>
                    (path, mapping.Get("required") is not { } req || context.ReadBoolean(req, "env_file.required") != false),
                _ => ((ScalarNode?)null, false),
            };
            if (pathNode is null)
            {
                context.WrongType(item, "env_file", "a path or a mapping with `path`", "Write `env_file: app.env` or `env_file: [{path: app.env, required: false}]`.");
                continue;
            }

            ReadEnvFile(pathNode, required);
        }
    }

    private void ReadEnvFile(ScalarNode pathNode, bool required)
    {
        var fullPath = pathNode.Document.Resolve(pathNode.Value);
        var display = Path.Combine(Path.GetDirectoryName(pathNode.Document.DisplayPath) ?? string.Empty, pathNode.Value).Replace('\\', '/');
        if (!loader.Exists(fullPath))
        {
            if (required)
            {
                context.Diagnostics.Error(DiagnosticCodes.FileNotFound, pathNode.Location, $"`env_file` of service `{context.Service}` names `{pathNode.Value}`, which does not exist ({fullPath}).", "Create the file, fix the path (relative to the compose file's folder), or mark it `required: false`.", context.PathOf("env_file"));
            }

            return;
        }

        if (loader.ReadText(fullPath, display) is { } text)
        {
            foreach (var entry in DotEnvParser.Parse(text, display, context.Diagnostics))
            {
                SetOrLookup(entry.Key, entry.Value);
            }
        }
    }
}
