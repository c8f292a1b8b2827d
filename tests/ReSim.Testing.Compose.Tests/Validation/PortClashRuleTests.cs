using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R12: two active services declaring the same container port will clash in the shared namespace.</summary>
public class PortClashRuleTests
{
    private static ReSim.Testing.Compose.Loading.ComposeLoadResult Load(string first, string second, string? profile = null) =>
        ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n    {first}\n  web:\n    image: busybox:1.35\n    profiles: [web]\n    {second}\n", profile: profile ?? "web");

    [Theory]
    [InlineData("ports: [\"8080:80\"]", "expose: [\"80\"]")]
    [InlineData("expose: [80]", "ports: [{target: 80}]")]
    [InlineData("ports: [\"80-82\"]", "expose: [\"81\"]")]
    public void The_same_container_port_in_two_services_warns_at_the_second_R12(string first, string second)
    {
        var warning = Load(first, second).Single(DiagnosticCodes.PortClash);

        Assert.Equal((DiagnosticSeverity.Warning, 10), (warning.Severity, warning.Location.Line));
        Assert.Contains("`orchestrator` and `web`", warning.Message);
    }

    [Theory]
    [InlineData("ports: [\"80\"]", "ports: [\"81\"]", "web")]
    [InlineData("ports: [\"80\"]", "expose: [\"80/udp\"]", "web")]
    [InlineData("ports: [\"80\"]", "expose: [\"80\"]", "other")]
    public void Different_ports_protocols_or_an_inactive_service_do_not_clash_R12(string first, string second, string profile)
    {
        Load(first, second, profile).AssertNo(DiagnosticCodes.PortClash);
    }

    [Fact]
    public void One_service_declaring_a_port_twice_does_not_clash_with_itself()
    {
        ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n    ports: [\"80\"]\n    expose: [\"80\"]\n").AssertNo(DiagnosticCodes.PortClash);
    }
}
