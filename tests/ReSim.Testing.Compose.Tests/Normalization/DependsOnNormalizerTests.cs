using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary><c>depends_on</c> as a list or a map (R2, R15).</summary>
public class DependsOnNormalizerTests
{
    [Fact]
    public void A_list_becomes_service_started_and_required_R2()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    depends_on: [orchestrator]\n");

        result.AssertClean();
        Assert.Equal([new ServiceDependency("orchestrator", DependencyCondition.ServiceStarted, Required: true)], result.Service("robot").DependsOn);
    }

    [Fact]
    public void A_map_keeps_condition_and_required()
    {
        var result = ComposeText.LoadService("  db:\n    image: busybox:1.35\n    healthcheck: {test: [CMD, \"true\"]}\n  robot:\n    image: busybox:1.35\n    depends_on:\n      orchestrator: {condition: service_completed_successfully}\n      db:\n        condition: service_healthy\n        required: false\n");

        result.AssertClean();
        Assert.Equal(
            [new ServiceDependency("orchestrator", DependencyCondition.ServiceCompletedSuccessfully), new ServiceDependency("db", DependencyCondition.ServiceHealthy, Required: false)],
            result.Service("robot").DependsOn);
    }

    [Fact]
    public void An_unknown_condition_is_an_error_at_the_condition()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    depends_on:\n      orchestrator:\n        condition: bogus\n");

        var error = result.Single(DiagnosticCodes.InvalidValue);
        Assert.Equal(ComposeText.FirstServiceLine + 4, error.Location.Line);
        Assert.Contains("service_healthy", error.Hint);
    }

    [Fact]
    public void A_scalar_is_a_wrong_type()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    depends_on: orchestrator\n");

        Assert.Equal("services.robot.depends_on", result.Single(DiagnosticCodes.WrongType).Path);
    }
}
