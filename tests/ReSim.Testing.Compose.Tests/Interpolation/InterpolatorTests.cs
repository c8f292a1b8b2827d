using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Interpolation;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Parsing;

namespace ReSim.Testing.Compose.Tests.Interpolation;

public class InterpolatorTests
{
    private static (MappingNode Root, DiagnosticBag Diagnostics) Interpolate(string yaml, params (string Key, string Value)[] variables)
    {
        var diagnostics = new DiagnosticBag();
        var tree = YamlTreeReader.Read(yaml, new SourceDocument("compose.yml", "/project"), LoadLimits.Default, diagnostics)![0];
        var lookup = new VariableLookup(variables.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)), []);
        return ((MappingNode)new Interpolator(lookup, diagnostics).Interpolate(tree), diagnostics);
    }

    private static string ValueAt(MappingNode root, params string[] keys)
    {
        ComposeNode node = root;
        foreach (var key in keys)
        {
            node = ((MappingNode)node).Get(key)!;
        }

        return ((ScalarNode)node).Value;
    }

    [Fact]
    public void Values_are_substituted_and_keys_are_not()
    {
        var (root, diagnostics) = Interpolate("services:\n  robot:\n    image: \"busybox:${TAG}\"\n    ${TAG}: x\n", ("TAG", "1.35"));

        Assert.Equal("busybox:1.35", ValueAt(root, "services", "robot", "image"));
        Assert.NotNull(((MappingNode)((MappingNode)root.Get("services")!).Get("robot")!).Get("${TAG}"));
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void An_unset_variable_is_a_warning_naming_the_key_path_at_the_value()
    {
        var (root, diagnostics) = Interpolate("services:\n  robot:\n    command: [\"run\", \"$MODE\"]\n");

        var warning = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.UnsetVariable, DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Location.Line));
        Assert.Equal("services.robot.command[1]", warning.Path);
        Assert.Contains("`MODE`", warning.Message);
        Assert.Equal(string.Empty, ((ScalarNode)((SequenceNode)((MappingNode)((MappingNode)root.Get("services")!).Get("robot")!).Get("command")!).Items[1]).Value);
    }

    [Fact]
    public void A_missing_required_variable_is_an_error_with_its_message()
    {
        var (_, diagnostics) = Interpolate("services:\n  robot:\n    image: ${IMAGE:?set IMAGE to the build's image}\n");

        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.RequiredVariableMissing, DiagnosticSeverity.Error), (error.Code, error.Severity));
        Assert.Contains("set IMAGE to the build's image", error.Message);
        Assert.Equal("services.robot.image", error.Path);
    }

    [Fact]
    public void An_interpolated_plain_number_becomes_a_string_and_an_untouched_one_stays_a_number()
    {
        var (root, _) = Interpolate("a: $N\nb: 5\n", ("N", "5"));

        Assert.Equal(ScalarKind.String, ((ScalarNode)root.Get("a")!).Kind);
        Assert.Equal(ScalarKind.Integer, ((ScalarNode)root.Get("b")!).Kind);
    }

    [Fact]
    public void Invalid_syntax_is_an_error_telling_to_double_the_dollar()
    {
        var (_, diagnostics) = Interpolate("services:\n  robot:\n    command: echo ${1}\n");

        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal(DiagnosticCodes.InvalidInterpolation, error.Code);
        Assert.Contains("$$", error.Hint);
    }
}
