using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Extends;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Parsing;

namespace ReSim.Testing.Compose.Tests.Extends;

/// <summary>Compose's merge rules when a service extends another (R2).</summary>
public class ServiceMergerTests
{
    private static MappingNode Merge(string baseYaml, string overrideYaml)
    {
        static MappingNode Read(string yaml) =>
            (MappingNode)YamlTreeReader.Read(yaml, new SourceDocument("compose.yml", "/project"), LoadLimits.Default, new DiagnosticBag())![0];

        return ServiceMerger.Merge(Read(baseYaml), Read(overrideYaml));
    }

    private static string[] Texts(ComposeNode? node) => node switch
    {
        SequenceNode sequence => [.. sequence.Items.Cast<ScalarNode>().Select(s => s.Value)],
        MappingNode mapping => [.. mapping.Entries.Select(e => $"{e.Name}={((ScalarNode)e.Value).Value}")],
        _ => [((ScalarNode)node!).Value],
    };

    [Fact]
    public void Scalars_are_replaced_and_missing_keys_are_inherited()
    {
        var merged = Merge("image: a:1\nworking_dir: /base\n", "image: b:2\n");

        Assert.Equal(["b:2"], Texts(merged.Get("image")));
        Assert.Equal(["/base"], Texts(merged.Get("working_dir")));
    }

    [Fact]
    public void Environment_merges_by_key_whatever_the_form_of_either_side()
    {
        var merged = Merge("environment: [\"A=1\", \"B=2\"]\n", "environment: {B: \"3\", C: \"4\"}\n");

        Assert.Equal(["A=1", "B=3", "C=4"], Texts(merged.Get("environment")));
    }

    [Fact]
    public void Labels_merge_by_key()
    {
        var merged = Merge("labels: {a: x, b: y}\n", "labels: [\"b=z\"]\n");

        Assert.Equal(["a=x", "b=z"], Texts(merged.Get("labels")));
    }

    [Fact]
    public void Depends_on_merges_by_service()
    {
        var merged = Merge("depends_on: [db]\n", "depends_on: {cache: {condition: service_healthy}}\n");

        Assert.Equal(["db", "cache"], ((MappingNode)merged.Get("depends_on")!).Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("command")]
    [InlineData("entrypoint")]
    public void Command_like_lists_are_replaced(string key)
    {
        var merged = Merge($"{key}: [a, b]\n", $"{key}: [c]\n");

        Assert.Equal(["c"], Texts(merged.Get(key)));
    }

    [Fact]
    public void Profiles_are_merged_without_duplicates_as_compose_go_does()
    {
        var merged = Merge("profiles: [a, b]\n", "profiles: [b, c]\n");

        Assert.Equal(["a", "b", "c"], Texts(merged.Get("profiles")));
    }

    [Fact]
    public void Healthcheck_merges_by_key_and_its_test_is_replaced()
    {
        var merged = (MappingNode)Merge("healthcheck: {test: [CMD, a], retries: 3}\n", "healthcheck: {test: [CMD, b]}\n").Get("healthcheck")!;

        Assert.Equal(["CMD", "b"], Texts(merged.Get("test")));
        Assert.Equal(["3"], Texts(merged.Get("retries")));
    }

    [Fact]
    public void Volumes_merge_by_target_the_extending_service_winning()
    {
        var merged = Merge("volumes: [\"a:/data\", \"b:/logs\"]\n", "volumes: [{type: volume, source: c, target: /data}]\n");

        var items = ((SequenceNode)merged.Get("volumes")!).Items;
        Assert.Equal(2, items.Length);
        Assert.Equal("b:/logs", ((ScalarNode)items[0]).Value);
        Assert.IsType<MappingNode>(items[1]);
    }

    [Fact]
    public void Other_lists_are_appended_without_duplicates()
    {
        var merged = Merge("ports: [\"80\", \"81\"]\n", "ports: [\"81\", \"82\"]\n");

        Assert.Equal(["80", "81", "82"], Texts(merged.Get("ports")));
    }
}
