using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Images: present ones are used as they are; a missing one is an infrastructure error naming the service and image.</summary>
[RequiresEngine]
public sealed class DockerRuntimeImageTests
{
    private const string Missing = "resim-testing/does-not-exist:0.0";

    [Theory]
    [InlineData(PullPolicy.Missing)]
    [InlineData(PullPolicy.Never)]
    public async Task A_present_image_needs_no_registry(PullPolicy policy)
    {
        await using var run = await DockerTestRun.StartAsync();

        await run.Runtime.EnsureImageAsync("robot", TestImages.Busybox, policy, DockerTestRun.Token);
    }

    [Fact]
    public async Task A_missing_image_with_pull_policy_never_names_the_service_and_the_image_and_says_to_build_it()
    {
        await using var run = await DockerTestRun.StartAsync();

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(
            () => run.Runtime.EnsureImageAsync("robot", Missing, PullPolicy.Never, DockerTestRun.Token));

        Assert.Contains("'robot'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("Never", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker build", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PullPolicy.Missing)]
    [InlineData(PullPolicy.Always)]
    public async Task A_missing_image_that_cannot_be_pulled_names_the_service_and_the_image_and_says_no_registry_was_reachable(PullPolicy policy)
    {
        await using var run = await DockerTestRun.StartAsync();

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(
            () => run.Runtime.EnsureImageAsync("robot", Missing, policy, DockerTestRun.Token));

        Assert.Contains("'robot'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("no registry was reachable", error.Message, StringComparison.Ordinal);
        Assert.Contains("Build the image locally", error.Message, StringComparison.Ordinal);
    }
}
