namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Checks the Docker engine from outside the product: that it answers, and what a run left on it.</summary>
public static class DockerEngine
{
    public const string HowToGetDocker =
        "These tests need a Docker engine and the local test image resim-testing/busybox:1.35. Run " +
        "`bash build/ensure-docker.sh && bash build/build-test-images.sh` (as root on Debian/Ubuntu it installs and starts one), " +
        "or start Docker yourself and set DOCKER_HOST.";

    public static async Task RequireEngineAndImageAsync(CancellationToken cancellationToken)
    {
        // The first component is the engine itself: "Engine 20.10.24" on Docker, "Podman Engine 4.3.1" on Podman.
        var (version, versionOutput) = await Run(["version", "--format", "{{range .Server.Components}}{{.Name}} {{.Version}}|{{end}}"], cancellationToken);
        Assert.True(version == 0, $"No Docker engine answers ({versionOutput.Trim()}). {HowToGetDocker}");
        TestContext.Current.TestOutputHelper?.WriteLine($"engine: {versionOutput.Split('|')[0].Trim()} at {Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "the default endpoint"}");
        var (image, imageOutput) = await Run(["image", "inspect", "resim-testing/busybox:1.35", "--format", "{{.Id}}"], cancellationToken);
        Assert.True(image == 0, $"The image resim-testing/busybox:1.35 is missing ({imageOutput.Trim()}). {HowToGetDocker}");
    }

    public static Task<string> ObjectsOfRunAsync(string runId, CancellationToken cancellationToken) =>
        ObjectsLabelledAsync($"label=ai.resim.testing.run={runId}", cancellationToken);

    public static Task<string> ObjectsOfServiceAsync(string service, CancellationToken cancellationToken) =>
        ObjectsLabelledAsync($"label=ai.resim.testing.service={service}", cancellationToken);

    private static async Task<string> ObjectsLabelledAsync(string filter, CancellationToken cancellationToken)
    {
        var (_, containers) = await Run(["ps", "-a", "-q", "--filter", filter], cancellationToken);
        var (_, volumes) = await Run(["volume", "ls", "-q", "--filter", filter], cancellationToken);
        return (containers + volumes).Trim();
    }

    private static async Task<(int ExitCode, string Output)> Run(string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync("docker", arguments, Path.GetTempPath(), TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"the docker CLI could not be started: {e.Message}");
        }
    }
}
