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
