using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary><c>label_file</c>: labels from <c>.env</c>-style files, overridden by <c>labels</c> (R5, compose's own rule).</summary>
public class LabelFileTests
{
    [Fact]
    public void Label_files_come_first_in_order_and_labels_win()
    {
        var files = new InMemoryFileSystem()
            .Add("/project/one.labels", "# team labels\nowner=robotics\ntier=one\n")
            .Add("/project/two.labels", "tier=two\nzone=\"lab 3\"\n");

        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    label_file: [one.labels, two.labels]\n    labels: {owner: sim}\n", files);

        result.AssertClean();
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "sim", ["tier"] = "two", ["zone"] = "lab 3" }, result.Service("a").Labels);
    }

    [Fact]
    public void A_label_file_takes_earlier_labels_not_the_environment_in_its_values()
    {
        var files = new InMemoryFileSystem().Add("/project/one.labels", "team=robotics\nowner=${team}-lead\nhome=${HOME:-none}\n");

        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    label_file: one.labels\n", files, new Dictionary<string, string> { ["HOME"] = "/root" });

        result.AssertClean();
        Assert.Equal(new Dictionary<string, string> { ["home"] = "none", ["owner"] = "robotics-lead", ["team"] = "robotics" }, result.Service("a").Labels);
    }

    [Fact]
    public void A_label_with_a_slash_is_refused_in_a_label_file_as_compose_refuses_it_and_belongs_under_labels_R5()
    {
        var files = new InMemoryFileSystem().Add("/project/orchestrator.labels", "resim.ai/isTestOrchestrator=true\n");

        var error = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    label_file: orchestrator.labels\n", files).Single(DiagnosticCodes.DotEnvSyntax);

        Assert.StartsWith("orchestrator.labels is not a valid label file: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("`/`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_file_is_an_error_at_its_key()
    {
        var error = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    label_file: missing.labels\n").Single(DiagnosticCodes.FileNotFound);

        Assert.Equal(("services.a.label_file", ComposeText.FirstServiceLine + 2), (error.Path, error.Location.Line));
        Assert.Contains("missing.labels", error.Message);
    }

    [Fact]
    public void A_label_file_of_the_wrong_type_is_an_error()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    label_file: {path: x.labels}\n");

        Assert.Equal("services.a.label_file", result.Single(DiagnosticCodes.WrongType).Path);
    }
}
