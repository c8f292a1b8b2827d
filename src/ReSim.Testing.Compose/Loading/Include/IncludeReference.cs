using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Include;

/// <summary>One item of <c>include</c>: the file (and override files), its project folder and env files.</summary>
internal sealed record IncludeReference(ImmutableArray<ScalarNode> Paths, ScalarNode? ProjectDirectory, ImmutableArray<ScalarNode> EnvFiles)
{
    private const string Hint = "Write `include: [other/compose.yaml]` or `include: [{path: other/compose.yaml, project_directory: other, env_file: other.env}]`.";

    public static IncludeReference? Read(ComposeNode item, DiagnosticBag diagnostics)
    {
        if (item is ScalarNode { Kind: ScalarKind.String } path)
        {
            return new IncludeReference([path], null, []);
        }

        if (item is MappingNode mapping && Strings(mapping.Get("path")) is { IsEmpty: false } paths
            && mapping.Get("project_directory") is null or ScalarNode { Kind: ScalarKind.String }
            && Strings(mapping.Get("env_file")) is { } envFiles)
        {
            return new IncludeReference(paths, mapping.Get("project_directory") as ScalarNode, envFiles);
        }

        diagnostics.Error(DiagnosticCodes.WrongType, item.Location, $"An item of `include` is {item.Describe()} without a usable `path`; it takes a path or a mapping with `path` (a path or a list of paths), `project_directory` and `env_file`.", Hint, "include");
        return null;
    }

    private static ImmutableArray<ScalarNode>? Strings(ComposeNode? node) => node switch
    {
        null => [],
        ScalarNode { Kind: ScalarKind.String } one => [one],
        SequenceNode list when list.Items.All(i => i is ScalarNode { Kind: ScalarKind.String }) => [.. list.Items.Cast<ScalarNode>()],
        _ => null,
    };
}
