using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Logs;

/// <summary>
/// Keeps the engine busy while the log tests run, as a shared CI machine is: one container logging as fast as it can
/// (a capped json-file log, so the disk does not fill) and two CPU burners. They are the tests' own containers, named
/// and labelled apart from any run, and removed at the end.
/// </summary>
public sealed class BusyEngine : IAsyncLifetime
{
    private readonly string prefix = "resim-testing-load-" + Guid.NewGuid().ToString("N")[..8];

    public async ValueTask InitializeAsync()
    {
        await StartAsync("flood", ["--log-opt", "max-size=1m", "--log-opt", "max-file=2"], "yes flood-line-flood-line-flood-line");
        await StartAsync("burn1", [], "while :; do :; done");
        await StartAsync("burn2", [], "while :; do :; done");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in new[] { "flood", "burn1", "burn2" })
        {
            await DockerCli.RunAsync("rm", "-f", $"{prefix}-{name}");
        }
    }

    private async Task StartAsync(string name, string[] options, string script)
    {
        var (code, _, error) = await DockerCli.RunAsync(
            ["run", "-d", "--name", $"{prefix}-{name}", "--label", "resim-testing-tests=load", .. options, TestEngine.Image, "sh", "-c", script]);
        Assert.True(code == 0, $"could not start the load container {name}: {error}{Environment.NewLine}{TestEngine.HowToGetOne}");
    }
}
