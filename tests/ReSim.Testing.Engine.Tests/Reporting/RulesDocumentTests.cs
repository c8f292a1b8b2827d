using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Reporting;

/// <summary>Where messages that cite rules point: the rules' description in the package or the repository.</summary>
public sealed class RulesDocumentTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "resim-rules-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_document_is_found_two_folders_above_a_package_s_assembly_and_not_where_there_is_none()
    {
        var assembly = Path.Combine(root, "resim.testing.msbuild", "0.1.0", "tasks", "net8.0", "ReSim.Testing.MSBuild.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        File.WriteAllText(assembly, string.Empty);

        Assert.Null(RulesDocument.Near(assembly));

        var document = Path.Combine(root, "resim.testing.msbuild", "0.1.0", "docs", "rules.md");
        Directory.CreateDirectory(Path.GetDirectoryName(document)!);
        File.WriteAllText(document, "# rules");

        Assert.Equal(document, RulesDocument.Near(assembly));
    }

    [Fact]
    public void This_repository_s_document_is_found_from_the_tests_and_describes_every_rule()
    {
        var document = RulesDocument.Near(typeof(RulesDocument).Assembly.Location);

        Assert.NotNull(document);
        var text = File.ReadAllText(document);
        Assert.All(Enumerable.Range(1, 23), n => Assert.Contains($"**R{n}.", text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Orchestrator 'test' exited with code 1 at 2.000 s (R16).", "Rules R16: /d/rules.md")]
    [InlineData("R20 and R9, then R20 again; R24, R0, R100 and ROBOT are no rules", "Rules R9, R20: /d/rules.md")]
    [InlineData("The experience timed out after 60.000 s (R18).", "Rules R18: /d/rules.md")]
    public void A_message_gets_one_line_naming_each_rule_it_cites_once_in_order(string message, string line) =>
        Assert.Equal(line, RulesDocument.Line(message, "/d/rules.md"));

    [Fact]
    public void A_message_citing_no_rule_or_an_unknown_document_gets_no_line()
    {
        Assert.Null(RulesDocument.Line("robot exited with code 3 after 2.0 s.", "/d/rules.md"));
        Assert.Null(RulesDocument.Line("(R16)", null));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
