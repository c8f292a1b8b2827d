using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R15: <c>service_healthy</c> on a service with no health check in the file is a warning at the depends_on entry.</summary>
public class HealthyDependencyRuleTests
{
    private static string File(string dbExtra, string condition = "service_healthy") =>
        $"services:\n{ComposeText.Orchestrator}\n    depends_on:\n      db: {{condition: {condition}}}\n  db:\n    image: busybox:1.35\n{dbExtra}";

    [Theory]
    [InlineData("")]
    [InlineData("    healthcheck: {interval: 5s}\n")]
    public void Waiting_for_a_service_without_a_healthcheck_test_warns_that_only_an_image_healthcheck_helps_R15(string dbExtra)
    {
        var warning = ComposeText.Load(File(dbExtra)).Single(DiagnosticCodes.HealthyDependencyWithoutHealthcheck);

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal((7, 7, "services.orchestrator.depends_on.db"), (warning.Location.Line, warning.Location.Column, warning.Path));
        Assert.Contains("only become healthy if its image defines a HEALTHCHECK", warning.Message);
        Assert.Contains("waits until the experience's timeout", warning.Message);
        Assert.Contains("Add a `healthcheck`", warning.Hint);
        Assert.Contains("service_started", warning.Hint);
    }

    [Theory]
    [InlineData("    healthcheck: {disable: true}\n")]
    [InlineData("    healthcheck: {test: [NONE]}\n")]
    public void Waiting_for_a_service_whose_healthcheck_is_disabled_warns_that_it_never_becomes_healthy_R15(string dbExtra)
    {
        var warning = ComposeText.Load(File(dbExtra)).Single(DiagnosticCodes.HealthyDependencyWithoutHealthcheck);

        Assert.Contains("never becomes healthy", warning.Message);
    }

    [Theory]
    [InlineData("    healthcheck: {test: [CMD, \"true\"]}\n", "service_healthy")]
    [InlineData("    healthcheck: {test: \"true\", interval: 1s}\n", "service_healthy")]
    [InlineData("", "service_started")]
    [InlineData("", "service_completed_successfully")]
    public void A_healthcheck_test_or_another_condition_gives_no_warning_R15(string dbExtra, string condition)
    {
        ComposeText.Load(File(dbExtra, condition)).AssertClean();
    }

    [Fact]
    public void An_inactive_dependant_gives_no_warning_R8()
    {
        var yaml = $"services:\n{ComposeText.Orchestrator}\n  replay:\n    image: busybox:1.35\n    profiles: [replay]\n    depends_on: {{db: {{condition: service_healthy}}}}\n  db:\n    image: busybox:1.35\n";

        ComposeText.Load(yaml).AssertClean();
    }
}
