using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Top-level keys: volumes, networks, extension keys and the rest (R2, R3, R10).</summary>
public class ComposeNormalizerTests
{
    private static string File(string topLevel) => $"services:\n{ComposeText.Orchestrator}\n{topLevel}";

    [Fact]
    public void Named_volumes_are_declared_with_their_labels_R10()
    {
        var result = ComposeText.Load(File("volumes:\n  plain:\n  labelled:\n    labels: {team: robots}\n"));

        result.AssertClean();
        Assert.Equal(["plain", "labelled"], result.Model!.Volumes.Select(v => v.Name));
        Assert.Equal("robots", result.Model.Volumes[1].Labels["team"]);
    }

    [Fact]
    public void Volume_options_other_than_labels_and_name_are_ignored_with_a_warning()
    {
        var result = ComposeText.Load(File("volumes:\n  data:\n    external: true\n"));

        Assert.Equal("volumes.data.external", result.Single(DiagnosticCodes.IgnoredKey).Path);
    }

    [Fact]
    public void The_default_network_may_be_declared_R3()
    {
        ComposeText.Load(File("networks:\n  default:\n")).AssertClean();
    }

    [Fact]
    public void A_custom_network_is_an_error_R3()
    {
        var result = ComposeText.Load(File("networks:\n  backend:\n"));

        Assert.Equal(7, result.Single(DiagnosticCodes.CustomNetwork).Location.Line);
    }

    [Fact]
    public void Extension_name_and_version_keys_are_ignored_silently_R2()
    {
        ComposeText.Load("version: \"3.8\"\nname: demo\nx-defaults: &d {restart: always}\n" + File(string.Empty)).AssertClean();
    }

    [Fact]
    public void Other_top_level_keys_are_ignored_with_a_warning_R3()
    {
        var result = ComposeText.Load(File("secrets:\n  token: {file: ./token}\n"));

        Assert.Equal("secrets", result.Single(DiagnosticCodes.IgnoredKey).Path);
    }

    [Theory]
    [InlineData("services: []\n")]
    [InlineData("volumes: {}\n")]
    [InlineData("- a\n- b\n")]
    public void A_file_without_a_services_mapping_is_an_error(string yaml)
    {
        Assert.Equal(DiagnosticCodes.NoServices, Assert.Single(ComposeText.Load(yaml).Diagnostics).Code);
    }
}
