using System.Diagnostics;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Runs the docker CLI for tests that check the engine from outside the product.</summary>
public static class DockerCli
{
    public const string HowToGetDocker =
        "These tests need a Docker engine and the local test images. Run `bash build/ensure-docker.sh && bash build/build-test-images.sh` " +
        "(as root on Debian/Ubuntu it installs and starts one), or start Docker yourself and set DOCKER_HOST.";

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the docker CLI. " + HowToGetDocker);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
