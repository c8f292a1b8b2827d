namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Runs the docker CLI for tests that check the engine from outside the product.</summary>
public static class DockerCli
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments)
    {
        try
        {
            var result = await ChildProcess.RunAsync(ChildProcess.Describe("docker", arguments), TimeSpan.FromSeconds(60));
            return (result.ExitCode, result.StdOut, result.StdErr);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("could not start the docker CLI. " + TestEngine.HowToGetOne, exception);
        }
    }
}
