using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Interpolation;

/// <summary>Where variables come from (R2, R9): the experience's variables first, then the <c>.env</c> beside the file.</summary>
public class VariableSourcesTests
{
    private const string Yaml = "services:\n  test:\n    image: busybox:${TAG}\n    environment: [\"MODE=${MODE}\"]\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n";

    [Fact]
    public void A_dotenv_beside_the_file_fills_in_what_the_variables_lack()
    {
        var files = new InMemoryFileSystem().Add("/project/.env", "TAG=1.35\nMODE=from-dotenv\n");

        var result = ComposeText.Load(Yaml, variables: new Dictionary<string, string> { ["MODE"] = "from-experience" }, files: files);

        result.AssertClean();
        Assert.Equal("busybox:1.35", result.Service("test").Image);
        Assert.Equal("from-experience", result.Service("test").Environment["MODE"]);
    }

    [Fact]
    public void Without_a_dotenv_unset_variables_warn_and_become_empty()
    {
        var result = ComposeText.Load(Yaml);

        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnsetVariable));
        Assert.Equal("busybox:", result.Service("test").Image);
    }
}
