using System.Text;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Loading;

/// <summary>Bad input ends in a clear diagnostic within a second, with bounded memory, no exception and no hang (issue 2, section 4).</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("resim-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Two_thousand_documents_merging_over_each_other_load_within_the_bounds()
    {
        var text = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"---\nservices:\n  s{i % 200}:\n    image: busybox:{i}\n    environment: {{V{i % 7}: \"{i}\"}}\n"));

        var result = Bounded.Load(() => ComposeText.Load(text));

        Assert.Equal(DiagnosticCodes.NoOrchestrator, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Malformed_yaml_is_an_error_at_the_line_of_the_mistake()
    {
        var result = Bounded.Load(() => ComposeText.Load("services:\n  robot:\n    image: busybox:1.35\n    command: [sh, -c\n  other:\n    image: x:1\n"));

        var error = result.Single(DiagnosticCodes.MalformedYaml);
        Assert.InRange(error.Location.Line, 4, 5);
        Assert.Contains("not well-formed YAML", error.Message);
    }

    [Fact]
    public void A_tab_indented_file_is_an_error_at_the_tab()
    {
        var result = Bounded.Load(() => ComposeText.Load("services:\n  robot:\n\timage: busybox:1.35\n"));

        Assert.Equal(3, result.Single(DiagnosticCodes.MalformedYaml).Location.Line);
    }

    [Theory]
    [InlineData("    command: 5", DiagnosticCodes.WrongType, "command")]
    [InlineData("    restart: sometimes", DiagnosticCodes.InvalidValue, "restart")]
    [InlineData("    depends_on: {orchestrator: {condition: bogus}}", DiagnosticCodes.InvalidValue, "depends_on.orchestrator.condition")]
    public void A_wrong_type_is_an_error_naming_the_key_and_the_service(string line, string code, string key)
    {
        var result = Bounded.Load(() => ComposeText.LoadService("  robot:\n    image: busybox:1.35\n" + line + "\n"));

        var error = result.Single(code);
        Assert.Equal(ComposeText.FirstServiceLine + 2, error.Location.Line);
        Assert.Contains($"`{key}`", error.Message);
        Assert.Contains("`robot`", error.Message);
        Assert.Equal($"services.robot.{key}", error.Path);
    }

    [Fact]
    public void An_unknown_service_in_depends_on_is_an_error_R8()
    {
        var result = Bounded.Load(() => ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    depends_on: [ghost]\n"));

        Assert.Contains("`ghost`", result.Single(DiagnosticCodes.DependsOnUnknownService).Message);
    }

    [Fact]
    public void An_unknown_service_in_extends_is_an_error()
    {
        var result = Bounded.Load(() => ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    extends: ghost\n"));

        Assert.Equal(ComposeText.FirstServiceLine + 2, result.Single(DiagnosticCodes.ExtendsUnknownService).Location.Line);
    }

    [Fact]
    public void An_extends_cycle_is_an_error_naming_the_chain()
    {
        var result = Bounded.Load(() => ComposeText.LoadService("  a:\n    extends: b\n  b:\n    extends: c\n  c:\n    image: x:1\n    extends: a\n"));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ExtendsCycle && d.Message.Contains("a -> b -> c -> a", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_extends_file_is_an_error_at_the_file_key()
    {
        var result = Bounded.Load(() => ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    extends:\n      file: nowhere/base.yml\n      service: base\n"));

        var error = result.Single(DiagnosticCodes.ExtendsFileMissing);
        Assert.Equal(ComposeText.FirstServiceLine + 3, error.Location.Line);
        Assert.Contains("nowhere/base.yml", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_is_an_error(string content)
    {
        var result = Bounded.Load(() => ComposeText.Load(content));

        Assert.Equal(DiagnosticCodes.EmptyFile, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_an_error_at_the_bad_byte()
    {
        var path = Path.Combine(folder, "latin1.yml");
        File.WriteAllBytes(path, [.. "services:\n  robot:\n    image: caf"u8, 0xE9, .. ":1\n"u8]);

        var result = Bounded.Load(() => ComposeLoader.LoadFile(path));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NotUtf8, error.Code);
        Assert.Equal((3, 15), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_utf16_file_is_an_error_saying_so()
    {
        var path = Path.Combine(folder, "utf16.yml");
        File.WriteAllText(path, "services: {}\n", Encoding.Unicode);

        var result = Bounded.Load(() => ComposeLoader.LoadFile(path));

        Assert.Contains("UTF-16", result.Single(DiagnosticCodes.NotUtf8).Message);
    }

    [Fact]
    public void A_10_MB_file_is_rejected_before_it_is_read()
    {
        var path = Path.Combine(folder, "huge.yml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(10L * 1024 * 1024);
        }

        var result = Bounded.Load(() => ComposeLoader.LoadFile(path));

        Assert.Equal(DiagnosticCodes.InputTooLarge, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_10_MB_string_is_rejected()
    {
        var content = "services:\n  a:\n    image: x:1\n" + new string('#', 10 * 1024 * 1024);

        var result = Bounded.Load(() => ComposeLoader.LoadString(content));

        Assert.Equal(DiagnosticCodes.InputTooLarge, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_stopped()
    {
        var yaml = new StringBuilder("x-lol0: &l0 \"lol\"\n");
        for (var level = 1; level <= 9; level++)
        {
            var alias = $"*l{level - 1}";
            yaml.Append($"x-lol{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(alias, 9))}]\n");
        }

        yaml.Append("services:\n  bomb:\n    image: x:1\n    command: *l9\n");

        var result = Bounded.Load(() => ComposeText.Load(yaml.ToString()));

        Assert.Equal(DiagnosticCodes.AliasExpansionLimit, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Nesting_10000_deep_is_stopped(string open, string close)
    {
        const int depth = 10_000;
        var yaml = "services:\n  deep:\n    image: x:1\n    command: " + string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth)) + "\n";

        var result = Bounded.Load(() => ComposeText.Load(yaml));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NestingTooDeep, error.Code);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Nesting_10000_deep_in_block_style_is_stopped()
    {
        var yaml = "services:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";

        var result = Bounded.Load(() => ComposeText.Load(yaml));

        Assert.Equal(DiagnosticCodes.NestingTooDeep, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_missing_compose_file_is_an_error_naming_it()
    {
        var result = Bounded.Load(() => ComposeLoader.LoadFile(Path.Combine(folder, "absent.yml")));

        Assert.Contains("absent.yml", result.Single(DiagnosticCodes.FileNotFound).Message);
    }
}
