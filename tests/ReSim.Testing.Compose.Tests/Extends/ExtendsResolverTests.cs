using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Extends;

/// <summary><c>extends</c> in the same file and from another file, chains, cycles and missing pieces (R2).</summary>
public class ExtendsResolverTests
{
    private const string Test = "  test:\n    image: busybox:1.35\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n";

    [Fact]
    public void A_service_extends_another_in_the_same_file()
    {
        var result = ComposeText.Load("services:\n" + Test + "  base:\n    image: busybox:1.35\n    restart: always\n  robot:\n    extends: base\n    command: [run]\n");

        result.AssertClean();
        var robot = result.Service("robot");
        Assert.Equal(("busybox:1.35", RestartKind.Always), (robot.Image, robot.Restart.Kind));
        Assert.Equal(["run"], robot.Command!.Value);
    }

    [Fact]
    public void A_service_extends_one_from_another_file_whose_relative_paths_resolve_against_its_own_folder()
    {
        var files = new InMemoryFileSystem()
            .Add("/project/common/base.yml", "services:\n  base:\n    image: busybox:1.35\n    env_file: base.env\n    volumes: [\"./data:/data\"]\n")
            .Add("/project/common/base.env", "FROM_BASE=yes\n");

        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    extends: {file: common/base.yml, service: base}\n", files: files);

        var robot = result.Service("robot");
        Assert.Equal("yes", robot.Environment["FROM_BASE"]);
        Assert.Equal(Path.GetFullPath("/project/common/data"), robot.Volumes.Single().Source);
        var bind = result.Single(DiagnosticCodes.BindMount);
        Assert.Equal(("common/base.yml", 5), (bind.Location.File, bind.Location.Line));
    }

    [Fact]
    public void A_chain_across_files_merges_from_the_farthest_base_inwards()
    {
        var files = new InMemoryFileSystem()
            .Add("/project/a.yml", "services:\n  a:\n    extends: {file: nested/b.yml, service: b}\n    environment: {LEVEL: a, A: \"1\"}\n")
            .Add("/project/nested/b.yml", "services:\n  b:\n    extends: c\n    environment: {LEVEL: b, B: \"1\"}\n  c:\n    image: busybox:1.35\n    environment: {LEVEL: c, C: \"1\"}\n");

        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    extends: {file: a.yml, service: a}\n", files: files);

        result.AssertClean();
        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "1", ["B"] = "1", ["C"] = "1", ["LEVEL"] = "a" },
            result.Service("robot").Environment);
    }

    [Fact]
    public void A_cycle_across_files_is_an_error()
    {
        var files = new InMemoryFileSystem()
            .Add("/project/a.yml", "services:\n  a:\n    image: busybox:1.35\n    extends: {file: b.yml, service: b}\n")
            .Add("/project/b.yml", "services:\n  b:\n    extends: {file: a.yml, service: a}\n");

        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    extends: {file: a.yml, service: a}\n", files: files);

        Assert.Contains("robot -> a -> b -> a", result.Single(DiagnosticCodes.ExtendsCycle).Message);
    }

    [Fact]
    public void A_cycle_through_the_main_file_is_found_whatever_path_reaches_it()
    {
        var files = new InMemoryFileSystem()
            .Add("/project/compose.yml", "services:\n" + Test + "  robot:\n    image: busybox:1.35\n    extends: {file: sub/other.yml, service: loop}\n")
            .Add("/project/sub/other.yml", "services:\n  loop:\n    extends: {file: ../compose.yml, service: robot}\n");

        var result = ComposeText.LoadFile("/project/compose.yml", files);

        Assert.Contains("robot -> loop -> robot", result.Single(DiagnosticCodes.ExtendsCycle).Message);
    }

    [Fact]
    public void A_service_extending_itself_is_a_cycle()
    {
        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    image: busybox:1.35\n    extends: robot\n");

        Assert.Contains("robot -> robot", result.Single(DiagnosticCodes.ExtendsCycle).Message);
    }

    [Fact]
    public void An_unknown_service_in_another_file_is_an_error_naming_that_file()
    {
        var files = new InMemoryFileSystem().Add("/project/base.yml", "services:\n  base:\n    image: busybox:1.35\n");

        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    extends: {file: base.yml, service: bsae}\n", files: files);

        Assert.Contains("base.yml", result.Single(DiagnosticCodes.ExtendsUnknownService).Message);
    }

    [Fact]
    public void Diagnostics_inside_an_extended_file_name_that_file()
    {
        var files = new InMemoryFileSystem().Add("/project/base.yml", "services:\n  base:\n    image: busybox:1.35\n    restart: sometimes\n");

        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    extends: {file: base.yml, service: base}\n", files: files);

        var error = result.Single(DiagnosticCodes.InvalidValue);
        Assert.Equal(("base.yml", 4), (error.Location.File, error.Location.Line));
        Assert.Contains("`robot`", error.Message);
    }

    [Fact]
    public void Extends_of_the_wrong_type_is_an_error()
    {
        var result = ComposeText.Load("services:\n" + Test + "  robot:\n    image: busybox:1.35\n    extends: [base]\n");

        Assert.Equal("services.robot.extends", result.Single(DiagnosticCodes.WrongType).Path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chain_of_twenty_thousand_services_resolves_in_either_order_without_exhausting_the_stack(bool reversed)
    {
        var links = Enumerable.Range(1, 20_000).Select(i => $"  s{i}:\n    extends: s{i - 1}\n");
        var yaml = "services:\n" + Test + "  s0:\n    image: busybox:1.35\n    restart: always\n" + string.Concat(reversed ? links.Reverse() : links);

        var result = ComposeText.Load(yaml);

        result.AssertClean();
        Assert.Equal(RestartKind.Always, result.Service("s20000").Restart.Kind);
    }
}
