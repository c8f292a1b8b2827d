namespace ReSim.Testing.Engine.Tests.Fixtures;

/// <summary>Runs a tool (docker CLI, htpasswd, a build script) for a fixture against the machine's own Docker engine.</summary>
public static class ToolProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        // Fixtures serve the local Docker engine whatever engine the tests' run points DOCKER_HOST at.
        var result = await ChildProcess.RunAsync(ChildProcess.Describe(program, arguments, removeVariables: name => name == "DOCKER_HOST"), TimeSpan.FromSeconds(120));
        return (result.ExitCode, result.StdOut + result.StdErr);
    }
}
