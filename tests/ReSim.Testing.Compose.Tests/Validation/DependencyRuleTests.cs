using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R8: depends_on names an existing service, and from an active service an active one.</summary>
public class DependencyRuleTests
{
    private static string File(string dependsOn) =>
        $"services:\n{ComposeText.Orchestrator}\n    depends_on: {dependsOn}\n  recorder:\n    image: busybox:1.35\n    profiles: [record]\n  helper:\n    image: busybox:1.35\n";

    [Fact]
    public void A_dependency_on_an_active_service_is_fine_R8()
    {
        ComposeText.Load(File("[helper]")).AssertClean();
    }

    [Fact]
    public void A_dependency_on_an_unknown_service_is_an_error_at_its_entry_R8()
    {
        var error = ComposeText.Load(File("[helper, ghost]")).Single(DiagnosticCodes.DependsOnUnknownService);

        Assert.Equal((6, "services.orchestrator.depends_on.ghost"), (error.Location.Line, error.Path));
        Assert.Contains("`ghost`", error.Message);
    }

    [Theory]
    [InlineData("network_mode: service:ghost", "network_mode")]
    [InlineData("ipc: service:ghost", "ipc")]
    [InlineData("pid: service:ghost", "pid")]
    [InlineData("volumes_from: [helper, ghost:ro]", "volumes_from")]
    public void A_service_reference_to_an_unknown_service_is_an_error_at_its_key_as_compose_refuses_it(string key, string name)
    {
        var file = $"services:\n{ComposeText.Orchestrator}\n    {key}\n  helper:\n    image: busybox:1.35\n";

        var error = ComposeText.Load(file).Single(DiagnosticCodes.UnknownServiceReference);

        Assert.Equal((6, $"services.orchestrator.{name}"), (error.Location.Line, error.Path));
        Assert.Contains("`ghost`", error.Message);
    }

    [Theory]
    [InlineData("network_mode: service:helper")]
    [InlineData("ipc: service:helper")]
    [InlineData("volumes_from: [helper, \"container:somewhere\"]")]
    [InlineData("network_mode: host")]
    public void A_service_reference_to_a_service_of_the_file_or_a_container_is_no_error(string key)
    {
        var file = $"services:\n{ComposeText.Orchestrator}\n    {key}\n  helper:\n    image: busybox:1.35\n";

        ComposeText.Load(file).AssertNo(DiagnosticCodes.UnknownServiceReference);
    }

    [Fact]
    public void A_dependency_on_an_inactive_service_is_an_error_naming_its_profiles_R8()
    {
        var error = ComposeText.Load(File("[recorder]")).Single(DiagnosticCodes.DependsOnInactiveService);

        Assert.Contains("record", error.Message);
        Assert.Contains("no profile", error.Message);
    }

    [Fact]
    public void The_profile_that_activates_the_dependency_makes_it_fine_R8()
    {
        ComposeText.Load(File("[recorder]"), profile: "record").AssertClean();
    }

    [Fact]
    public void An_optional_dependency_on_an_inactive_service_is_fine()
    {
        ComposeText.Load(File("{recorder: {condition: service_started, required: false}}")).AssertClean();
    }

    [Fact]
    public void An_inactive_service_may_depend_on_another_inactive_one_R8()
    {
        var yaml = $"services:\n{ComposeText.Orchestrator}\n  a:\n    image: busybox:1.35\n    profiles: [x]\n    depends_on: [b]\n  b:\n    image: busybox:1.35\n    profiles: [y]\n";

        ComposeText.Load(yaml).AssertClean();
    }
}
