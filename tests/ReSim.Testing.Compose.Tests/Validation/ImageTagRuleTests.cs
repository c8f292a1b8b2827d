using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Validation;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R4: images carry an explicit tag or digest.</summary>
public class ImageTagRuleTests
{
    [Theory]
    [InlineData("busybox:1.35", "1.35")]
    [InlineData("busybox", null)]
    [InlineData("busybox:latest", "latest")]
    [InlineData("localhost:5000/team/robot", null)]
    [InlineData("localhost:5000/team/robot:2.0", "2.0")]
    [InlineData("busybox@sha256:abc", "@")]
    public void The_tag_is_read_from_the_last_path_segment(string image, string? tag) =>
        Assert.Equal(tag, ImageTagRule.TagOf(image));

    [Theory]
    [InlineData("busybox")]
    [InlineData("busybox:latest")]
    [InlineData("registry.example.com:5000/robot")]
    public void An_untagged_or_latest_image_warns_at_the_image_key_R4(string image)
    {
        var result = ComposeText.LoadService($"  robot:\n    image: {image}\n");

        var warning = result.Single(DiagnosticCodes.UnpinnedImage);
        Assert.Equal((DiagnosticSeverity.Warning, ComposeText.FirstServiceLine + 1), (warning.Severity, warning.Location.Line));
        Assert.Contains(image, warning.Message);
    }

    [Theory]
    [InlineData("busybox:1.35")]
    [InlineData("registry.example.com:5000/robot:1.0")]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_tagged_or_digested_image_does_not_warn_R4(string image)
    {
        ComposeText.LoadService($"  robot:\n    image: {image}\n").AssertClean();
    }
}
