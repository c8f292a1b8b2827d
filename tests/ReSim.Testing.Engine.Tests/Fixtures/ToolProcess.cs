using System.Diagnostics;

namespace ReSim.Testing.Engine.Tests.Fixtures;

/// <summary>Runs a tool (docker CLI, htpasswd, a build script) for a fixture against the machine's own Docker engine.</summary>
public static class ToolProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Fixtures serve the local Docker engine whatever engine the tests' run points DOCKER_HOST at.
        start.Environment.Remove("DOCKER_HOST");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
