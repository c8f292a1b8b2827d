using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R5: at least one active service is a test orchestrator.</summary>
public class OrchestratorRuleTests
{
    private const string TwoProfiles = "services:\n  robot:\n    image: busybox:1.35\n  smoke:\n    image: busybox:1.35\n    profiles: [smoke]\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n  nightly:\n    image: busybox:1.35\n    profiles: [nightly]\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n";

    [Fact]
    public void A_file_without_an_orchestrator_is_an_error_at_services_R5()
    {
        var result = ComposeText.Load("services:\n  robot:\n    image: busybox:1.35\n");

        var error = result.Single(DiagnosticCodes.NoOrchestrator);
        Assert.Equal((DiagnosticSeverity.Error, 1), (error.Severity, error.Location.Line));
        Assert.Contains("resim.ai/isTestOrchestrator", error.Hint);
    }

    [Theory]
    [InlineData("smoke", "smoke")]
    [InlineData("nightly", "nightly")]
    public void Each_profile_has_its_own_orchestrator_R5_R8(string profile, string orchestrator)
    {
        var result = ComposeText.Load(TwoProfiles, profile: profile);

        result.AssertClean();
        Assert.Equal([orchestrator], result.Model!.Orchestrators.Select(s => s.Name));
        Assert.Equal(["robot", orchestrator], result.Model.ActiveServices.Select(s => s.Name));
    }

    [Fact]
    public void Without_a_profile_the_orchestrators_in_profiles_do_not_count_and_the_hint_names_them_R5()
    {
        var result = ComposeText.Load(TwoProfiles);

        var error = result.Single(DiagnosticCodes.NoOrchestrator);
        Assert.Contains("`smoke`, `nightly`", error.Hint);
        Assert.Contains("no profile", error.Message);
    }

    [Theory]
    [InlineData("always")]
    [InlineData("on-failure:3")]
    public void A_restart_policy_on_an_orchestrator_warns_that_it_is_ignored_R16(string restart)
    {
        var result = ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n    restart: {restart}\n  robot:\n    image: busybox:1.35\n    restart: always\n");

        var warning = result.Single(DiagnosticCodes.OrchestratorRestart);
        Assert.Equal((6, "services.orchestrator.restart"), (warning.Location.Line, warning.Path));
    }

    [Fact]
    public void Restart_no_on_an_orchestrator_is_fine_R16()
    {
        ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n    restart: \"no\"\n").AssertClean();
    }
}
