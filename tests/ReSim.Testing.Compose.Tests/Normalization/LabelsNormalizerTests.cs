using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary><c>labels</c> as a map or a list; the orchestrator label's accepted values (R5, R6).</summary>
public class LabelsNormalizerTests
{
    [Fact]
    public void A_map_and_a_list_give_the_same_labels_and_booleans_become_strings()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    labels: {team: robots, on: true, n: 3, empty: }\n  b:\n    image: busybox:1.35\n    labels: [team=robots, on=true, n=3, empty]\n");

        result.AssertClean();
        Assert.Equal(result.Service("a").Labels, result.Service("b").Labels);
        Assert.Equal("true", result.Service("a").Labels["on"]);
        Assert.Equal(string.Empty, result.Service("a").Labels["empty"]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("\"true\"", true)]
    [InlineData("\"True\"", true)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    public void The_orchestrator_label_accepts_string_or_boolean_true_and_false_R5(string value, bool orchestrator)
    {
        var result = ComposeText.Load($"services:\n  test:\n    image: busybox:1.35\n    labels:\n      resim.ai/isTestOrchestrator: {value}\n  other:\n    image: busybox:1.35\n    labels: {{resim.ai/isTestOrchestrator: \"true\"}}\n");

        result.AssertClean();
        Assert.Equal(orchestrator, result.Service("test").IsTestOrchestrator);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("\"on\"")]
    [InlineData("")]
    public void Any_other_orchestrator_label_value_is_an_error_R5(string value)
    {
        var result = ComposeText.LoadService($"  robot:\n    image: busybox:1.35\n    labels:\n      resim.ai/isTestOrchestrator: {value}\n");

        var error = result.Single(DiagnosticCodes.MalformedOrchestratorLabel);
        Assert.Equal(ComposeText.FirstServiceLine + 3, error.Location.Line);
        Assert.Contains("`robot`", error.Message);
    }

    [Fact]
    public void ReSim_labels_from_public_examples_are_accepted_and_kept_R6()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    labels:\n      resim.ai/ignoreContainerNotFinished: \"true\"\n      resim.ai/containerPriority: \"5\"\n");

        result.AssertClean();
        Assert.Equal("5", result.Service("robot").Labels["resim.ai/containerPriority"]);
    }

    [Fact]
    public void An_unknown_resim_label_warns_as_a_likely_typo_R6()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    labels: [resim.ai/isTestOrchestator=true]\n");

        Assert.Equal(DiagnosticSeverity.Warning, result.Single(DiagnosticCodes.UnknownResimLabel).Severity);
    }

    [Fact]
    public void Labels_of_the_wrong_type_are_an_error()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    labels: team=robots\n");

        Assert.Equal("services.robot.labels", result.Single(DiagnosticCodes.WrongType).Path);
    }
}
