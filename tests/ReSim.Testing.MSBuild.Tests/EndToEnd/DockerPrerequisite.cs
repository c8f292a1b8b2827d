using System.Diagnostics;

namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>Fails a test loudly, with what to do, when the Docker engine or the local test image is missing.</summary>
internal static class DockerPrerequisite
{
    public const string Image = "resim-testing/busybox:1.35";

    public static async Task RequireAsync()
    {
        var start = new ProcessStartInfo("docker", ["image", "inspect", "--format", "{{.Id}}", Image])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string problem;
        try
        {
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode == 0)
            {
                return;
            }

            problem = error.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            problem = $"the docker CLI could not be started ({e.Message})";
        }

        Assert.Fail($"This test needs a Docker engine with the local image {Image}, and {problem}. " +
            "Get both with `bash build/ensure-docker.sh && bash build/build-test-images.sh`.");
    }
}
