using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R10: mounted named volumes are declared at the top level.</summary>
public class VolumeRuleTests
{
    [Fact]
    public void A_declared_named_volume_shared_by_two_services_is_fine_R10()
    {
        var yaml = $"services:\n{ComposeText.Orchestrator}\n    volumes: [\"shared:/out\"]\n  robot:\n    image: busybox:1.35\n    volumes: [\"shared:/in:ro\"]\nvolumes:\n  shared:\n";

        var result = ComposeText.Load(yaml);

        result.AssertClean();
        Assert.All(result.Model!.Services, s => Assert.Equal("shared", Assert.Single(s.Volumes).Source));
    }

    [Fact]
    public void An_undeclared_named_volume_is_an_error_at_the_mount_R10()
    {
        var yaml = $"services:\n{ComposeText.Orchestrator}\n    volumes: [\"shared:/out\"]\n";

        var error = ComposeText.Load(yaml).Single(DiagnosticCodes.UndeclaredVolume);

        Assert.Equal(("services.orchestrator.volumes[0]", 6), (error.Path, error.Location.Line));
    }

    [Fact]
    public void Anonymous_volumes_need_no_declaration()
    {
        ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n    volumes: [\"/scratch\"]\n").AssertClean();
    }
}
