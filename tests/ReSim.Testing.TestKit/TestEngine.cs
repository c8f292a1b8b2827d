namespace ReSim.Testing.TestKit;

/// <summary>The container engine the real-engine tests use, checked from outside the product with the docker CLI: that it answers, its test image, and what a run left on it.</summary>
public static class TestEngine
{
    /// <summary>The local image <c>build/build-test-images.sh</c> makes; no registry is needed.</summary>
    public const string Image = "resim-testing/busybox:1.35";

    /// <summary>What to do when the engine or the image is missing.</summary>
    public const string HowToGetOne =
        "These tests need a Docker engine and the local test image " + Image + ". Run " +
        "`bash build/ensure-docker.sh && bash build/build-test-images.sh` (as root on Debian/Ubuntu it installs and starts one), " +
        "or start Docker yourself and set DOCKER_HOST.";

    /// <summary>Fails the test, saying what to do, unless an engine answers and has <see cref="Image"/>; writes which engine it is to the test output.</summary>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>A task that completes when both are there.</returns>
    public static async Task RequireAsync(CancellationToken cancellationToken = default)
    {
        // The first component is the engine itself: "Engine 20.10.24" on Docker, "Podman Engine 4.3.1" on Podman.
        var version = await DockerAsync(["version", "--format", "{{range .Server.Components}}{{.Name}} {{.Version}}|{{end}}"], cancellationToken);
        Assert.True(version.ExitCode == 0, $"No Docker engine answers ({(version.StdOut + version.StdErr).Trim()}). {HowToGetOne}");
        TestContext.Current.TestOutputHelper?.WriteLine($"engine: {version.StdOut.Split('|')[0].Trim()} at {Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "the default endpoint"}");
        var image = await DockerAsync(["image", "inspect", Image, "--format", "{{.Id}}"], cancellationToken);
        Assert.True(image.ExitCode == 0, $"The image {Image} is missing ({image.StdErr.Trim()}). {HowToGetOne}");
    }

    /// <summary>The containers (by name) and volumes on the engine that carry the label <paramref name="label"/>=<paramref name="value"/>.</summary>
    /// <param name="label">The label, such as <c>ai.resim.testing.run</c>.</param>
    /// <param name="value">Its value.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Their names, one per line; empty when there are none.</returns>
    public static async Task<string> LabelledAsync(string label, string value, CancellationToken cancellationToken = default)
    {
        var filter = $"label={label}={value}";
        var containers = await DockerAsync(["ps", "-a", "--format", "{{.Names}}", "--filter", filter], cancellationToken);
        var volumes = await DockerAsync(["volume", "ls", "-q", "--filter", filter], cancellationToken);
        Assert.True(containers.ExitCode == 0 && volumes.ExitCode == 0, $"the engine could not list what is labelled {filter}: {containers.StdErr}{volumes.StdErr} {HowToGetOne}");
        return (containers.StdOut + volumes.StdOut).Trim();
    }

    /// <summary>R19: fails unless nothing (container, sandbox or volume) carries the run's label.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>A task that completes when the check has passed.</returns>
    public static async Task AssertNothingLeftAsync(string runId, CancellationToken cancellationToken = default)
    {
        var left = await LabelledAsync("ai.resim.testing.run", runId, cancellationToken);
        Assert.True(left.Length == 0, $"R19: run {runId} left on the engine: {left}");
    }

    private static async Task<ChildResult> DockerAsync(string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ChildProcess.RunAsync(ChildProcess.Describe("docker", arguments), TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ChildResult(-1, string.Empty, $"the docker CLI could not be started: {e.Message}");
        }
    }
}
