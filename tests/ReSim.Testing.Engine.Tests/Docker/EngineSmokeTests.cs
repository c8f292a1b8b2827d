namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Proves the Docker engine and the local test image work before anything else is trusted.</summary>
[RequiresEngine]
public sealed class EngineSmokeTests
{
    [Fact]
    public async Task A_container_from_the_local_busybox_image_runs_and_its_output_is_read()
    {
        var (exitCode, stdout, stderr) = await DockerCli.RunAsync(
            "run", "--rm", "--label", "ai.resim.testing=true", "--label", "ai.resim.testing.run=smoke",
            TestImages.Busybox, "sh", "-c", "echo smoke-$((6*7))");

        Assert.True(exitCode == 0, $"docker run failed ({exitCode}): {stderr}\n{TestEngine.HowToGetOne}");
        Assert.Equal("smoke-42", stdout.Trim());
    }
}
