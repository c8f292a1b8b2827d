using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Extends;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Parsing;

namespace ReSim.Testing.Compose.Tests.Parsing;

public class YamlTreeReaderTests
{
    private static readonly SourceDocument Document = new("compose.yml", "/project");

    private static (ComposeNode? Root, DiagnosticBag Diagnostics) Read(string yaml, LoadLimits? limits = null)
    {
        var diagnostics = new DiagnosticBag();
        return (YamlTreeReader.Read(yaml, Document, limits ?? LoadLimits.Default, diagnostics) is { } roots ? DocumentMerger.Merge(roots, diagnostics) : null, diagnostics);
    }

    private static MappingNode ReadMapping(string yaml)
    {
        var (root, diagnostics) = Read(yaml);
        Assert.Equal(0, diagnostics.Count);
        return Assert.IsType<MappingNode>(root);
    }

    [Fact]
    public void Every_key_and_value_keeps_its_1_based_line_and_column()
    {
        var root = ReadMapping("services:\n  robot:\n    image: busybox:1.35\n");

        var robot = Assert.IsType<MappingNode>(root.Get("services")).Find("robot")!;
        var image = Assert.IsType<MappingNode>(robot.Value).Find("image")!;
        Assert.Equal((2, 3), (robot.Key.Line, robot.Key.Column));
        Assert.Equal((3, 5), (image.Key.Line, image.Key.Column));
        Assert.Equal((3, 12), (image.Value.Line, image.Value.Column));
        Assert.Equal("compose.yml", image.Value.Location.File);
    }

    [Fact]
    public void An_alias_shares_the_anchored_node_R2()
    {
        var root = ReadMapping("x-env: &env {A: \"1\"}\nfirst: *env\nsecond: *env\n");

        Assert.Same(root.Get("first"), root.Get("second"));
        Assert.Same(root.Get("x-env"), root.Get("first"));
    }

    [Fact]
    public void A_merge_key_adds_the_keys_the_mapping_lacks_and_explicit_keys_win_R2()
    {
        var root = ReadMapping("base: &base {image: a:1, restart: always}\nservice:\n  image: b:2\n  <<: *base\n");

        var service = Assert.IsType<MappingNode>(root.Get("service"));
        Assert.Equal(["image", "restart"], service.Entries.Select(e => e.Name));
        Assert.Equal("b:2", Assert.IsType<ScalarNode>(service.Get("image")).Value);
    }

    [Fact]
    public void A_merge_key_takes_a_list_of_mappings_and_earlier_ones_win()
    {
        var root = ReadMapping("a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: [*a, *b]\n");

        var c = Assert.IsType<MappingNode>(root.Get("c"));
        Assert.Equal("1", Assert.IsType<ScalarNode>(c.Get("x")).Value);
        Assert.Equal("3", Assert.IsType<ScalarNode>(c.Get("y")).Value);
    }

    [Fact]
    public void A_merge_key_on_a_scalar_is_a_wrong_type()
    {
        var (_, diagnostics) = Read("a:\n  <<: 5\n");

        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(diagnostics.ToSortedArray()).Code);
    }

    [Fact]
    public void Json_is_read_as_yaml_R1()
    {
        var root = ReadMapping("{\"services\": {\"robot\": {\"image\": \"busybox:1.35\", \"command\": [\"sh\", 5]}}}");

        var robot = Assert.IsType<MappingNode>(Assert.IsType<MappingNode>(root.Get("services")).Get("robot"));
        Assert.Equal(ScalarKind.String, Assert.IsType<ScalarNode>(robot.Get("image")).Kind);
        Assert.Equal(2, Assert.IsType<SequenceNode>(robot.Get("command")).Items.Length);
    }

    [Theory]
    [InlineData("5", "Integer")]
    [InlineData("0x1F", "Integer")]
    [InlineData("\"5\"", "String")]
    [InlineData("!!str 5", "String")]
    [InlineData("1.5", "Float")]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("yes", "String")]
    [InlineData("no", "String")]
    [InlineData("~", "Null")]
    [InlineData("", "Null")]
    [InlineData("'true'", "String")]
    public void Scalars_get_their_yaml_1_2_core_schema_type(string text, string kind)
    {
        var root = ReadMapping("value: " + text + "\n");

        Assert.Equal(Enum.Parse<ScalarKind>(kind), Assert.IsType<ScalarNode>(root.Get("value")).Kind);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_one_and_the_first_is_kept()
    {
        var (root, diagnostics) = Read("a: 1\nb: 2\na: 3\n");

        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.DuplicateKey, 3), (error.Code, error.Location.Line));
        Assert.Equal("1", Assert.IsType<ScalarNode>(Assert.IsType<MappingNode>(root).Get("a")).Value);
    }

    [Fact]
    public void A_mapping_as_a_key_is_a_wrong_type()
    {
        var (_, diagnostics) = Read("? {a: 1}\n: value\nb: 2\n");

        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(diagnostics.ToSortedArray()).Code);
    }

    [Fact]
    public void An_alias_to_no_anchor_is_malformed_yaml()
    {
        var (root, diagnostics) = Read("a: *nothing\n");

        Assert.Null(root);
        Assert.Equal(DiagnosticCodes.MalformedYaml, Assert.Single(diagnostics.ToSortedArray()).Code);
    }

    [Fact]
    public void Later_documents_merge_over_earlier_ones_as_override_files_and_empty_ones_are_skipped()
    {
        var (root, diagnostics) = Read("a: 1\nx-m: {k: v, j: w}\nservices: {s: {image: one, environment: {A: \"1\"}}}\n---\n---\nb: 2\na: 3\nx-m: {k: u}\nservices: {s: {image: two, environment: {B: \"2\"}}, t: {image: three}}\n");

        Assert.Empty(diagnostics.ToSortedArray());
        var mapping = Assert.IsType<MappingNode>(root);
        Assert.Equal(["a", "x-m", "services", "b"], mapping.Entries.Select(e => e.Name));
        Assert.Equal("3", ((ScalarNode)mapping.Get("a")!).Value);
        Assert.Equal(["k=u", "j=w"], ((MappingNode)mapping.Get("x-m")!).Entries.Select(e => $"{e.Name}={((ScalarNode)e.Value).Value}"));
        var services = (MappingNode)mapping.Get("services")!;
        var s = (MappingNode)services.Get("s")!;
        Assert.Equal("two", ((ScalarNode)s.Get("image")!).Value);
        Assert.Equal(["A", "B"], ((MappingNode)s.Get("environment")!).Entries.Select(e => e.Name));
        Assert.NotNull(services.Get("t"));
    }

    [Fact]
    public void Anchors_belong_to_their_document()
    {
        var (_, diagnostics) = Read("x: &a 1\n---\ny: *a\n");

        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.MalformedYaml, 3), (error.Code, error.Location.Line));
    }

    [Fact]
    public void A_later_document_that_is_not_a_mapping_is_an_error_at_it()
    {
        var (root, diagnostics) = Read("a: 1\n---\n- b\n");

        Assert.Null(root);
        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal((DiagnosticCodes.WrongType, 3), (error.Code, error.Location.Line));
    }

    [Fact]
    public void Nesting_exactly_at_the_limit_is_fine_and_one_more_is_an_error()
    {
        var limits = LoadLimits.Default with { MaxDepth = 3 };

        Assert.Equal(0, Read("a: [[x]]", limits).Diagnostics.Count);
        Assert.Equal(DiagnosticCodes.NestingTooDeep, Assert.Single(Read("a: [[[x]]]", limits).Diagnostics.ToSortedArray()).Code);
    }

    [Fact]
    public void Aliases_are_counted_by_the_nodes_they_expand_to()
    {
        var limits = LoadLimits.Default with { MaxAliasExpansion = 10 };
        const string yaml = "a: &a [1, 2, 3, 4]\nb: *a\nc: *a\n";

        Assert.Equal(0, Read(yaml, limits with { MaxAliasExpansion = 10 }).Diagnostics.Count);
        Assert.Equal(DiagnosticCodes.AliasExpansionLimit, Assert.Single(Read(yaml, limits with { MaxAliasExpansion = 9 }).Diagnostics.ToSortedArray()).Code);
    }
}
