using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Normalizes <c>env_file</c> and <c>environment</c> (map or <c>KEY=VAL</c> list) into one dictionary, <c>environment</c> winning.</summary>
/// <remarks>
/// A key with no value (<c>KEY</c> or <c>KEY:</c>) takes the variable's value, or is dropped when the variable is not set, as
/// compose does. Env files are read in order, a later one winning; their values are interpolated as compose-go does,
/// looking up the variables first, then the service's <c>environment</c>, then keys the env files set before.
/// </remarks>
internal sealed class EnvironmentNormalizer(ServiceContext context, VariableLookup variables, IDocumentReader loader)
{
    private readonly Dictionary<string, string> own = new(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, string> Normalize(ComposeNode? envFile, ComposeNode? environment)
    {
        ReadEnvironment(environment);
        var fromFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (envFile is not null)
        {
            ReadEnvFiles(envFile, fromFiles);
        }

        foreach (var (key, value) in own)
        {
            fromFiles[key] = value;
        }

        return fromFiles.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private void ReadEnvironment(ComposeNode? environment)
    {
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
                    var name = equals < 0 ? item.Value : item.Value[..equals];
                    if (name.Length > 0 && char.IsWhiteSpace(name[^1]))
                    {
                        // As compose-go: "environment variable NAME  is declared with a trailing space".
                        context.Invalid(item, "environment", item.Value, "a `KEY=VALUE` entry: the name ends with a space", $"Remove the space before `=`: `{name.TrimEnd()}={(equals < 0 ? string.Empty : item.Value[(equals + 1)..].TrimStart())}`.");
                        continue;
                    }

                    SetOrLookup(name, equals < 0 ? null : item.Value[(equals + 1)..]);
                }

                break;
            default:
                context.WrongType(environment, "environment", "a mapping or a list of `KEY=VALUE` strings", "Write `environment: {KEY: value}` or `environment: [\"KEY=value\"]`.");
                break;
        }
    }

    private void Set(string key, ComposeNode value, string path)
    {
        switch (value)
        {
            case ScalarNode { IsNull: true }:
                SetOrLookup(key, null);
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } flag:
                own[key] = flag.Value.ToLowerInvariant();
                break;
            case ScalarNode scalar:
                own[key] = scalar.Value;
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
            own[key] = value;
        }
        else if (variables.TryGet(key, out var fromVariables))
        {
            own[key] = fromVariables;
        }
        else
        {
            own.Remove(key);
        }
    }

    private void ReadEnvFiles(ComposeNode node, Dictionary<string, string> fromFiles)
    {
        IEnumerable<ComposeNode> items = node is SequenceNode sequence ? sequence.Items : [node];
        var outside = variables.Then(own);
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

            ReadEnvFile(pathNode, required, outside, fromFiles);
        }
    }

    private void ReadEnvFile(ScalarNode pathNode, bool required, VariableLookup outside, Dictionary<string, string> fromFiles)
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

        if (loader.ReadText(fullPath, display, pathNode, context.PathOf("env_file")) is { } text)
        {
            DotEnvParser.Parse(text, display, outside, fromFiles, context.Diagnostics);
        }
    }
}
