using System.Collections.Immutable;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>
/// One run of a real-engine test: a connected <see cref="DockerRuntime"/>, a fresh run ID, spec builders, and a clean-up
/// that removes the run and fails if anything labelled with it is left (R19).
/// </summary>
public sealed class DockerTestRun : IAsyncDisposable
{
    private DockerTestRun(DockerRuntime runtime, RuntimeInfo info)
    {
        Runtime = runtime;
        Info = info;
        RunId = "t" + Guid.NewGuid().ToString("N")[..12];
    }

    public DockerRuntime Runtime { get; }

    public RuntimeInfo Info { get; }

    public string RunId { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<DockerTestRun> StartAsync()
    {
        var runtime = new DockerRuntime();
        try
        {
            var info = await runtime.ConnectAsync(Token);
            EngineReport.Write(info);
            return new DockerTestRun(runtime, info);
        }
        catch (ExperienceInfrastructureException e)
        {
            await runtime.DisposeAsync();
            throw new InvalidOperationException(e.Message + "\n" + DockerCli.HowToGetDocker, e);
        }
    }

    public ImmutableSortedDictionary<string, string> Labels(string role, string? service = null)
    {
        var labels = RunLabels.For(RunId).ToImmutableSortedDictionary(StringComparer.Ordinal).Add(RunLabels.Role, role);
        return service is null ? labels : labels.Add(RunLabels.Service, service);
    }

    public string NameOf(string service) => $"resim-{RunId}-{service}";

    public Task<string> SandboxAsync(params string[] services) =>
        Runtime.CreateSandboxAsync(new SandboxSpec(RunId, NameOf("sandbox"), [.. services], Labels("sandbox")), Token);

    public ContainerSpec Service(string service, string sandboxId, string script) => new()
    {
        RunId = RunId,
        Service = service,
        Name = NameOf(service),
        Image = TestImages.Busybox,
        Command = ["sh", "-c", script],
        Labels = Labels("service", service),
        NetworkNamespaceOf = sandboxId,
    };

    public async Task<string> StartServiceAsync(ContainerSpec spec)
    {
        var id = await Runtime.CreateContainerAsync(spec, Token);
        await Runtime.StartContainerAsync(id, Token);
        return id;
    }

    public async Task<List<LogLine>> LogsAsync(string containerId)
    {
        var lines = new List<LogLine>();
        await foreach (var line in Runtime.StreamLogsAsync(containerId, Token))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Waits for the container to stop and returns its exit code (through the docker CLI, independent of the runtime).</summary>
    public static async Task<int> ExitCodeAsync(string containerId)
    {
        var (exitCode, stdout, stderr) = await DockerCli.RunAsync("wait", containerId);
        Assert.True(exitCode == 0, stderr);
        return int.Parse(stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string> InspectAsync(string containerId, string format)
    {
        var (exitCode, stdout, stderr) = await DockerCli.RunAsync("inspect", "--format", format, containerId);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }

    /// <summary>What the docker CLI still lists with this run's label: containers and volumes.</summary>
    public async Task<string> LeftoversAsync()
    {
        var containers = await DockerCli.RunAsync("ps", "-aq", "--filter", $"label={RunLabels.Run}={RunId}");
        var volumes = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label={RunLabels.Run}={RunId}");
        return (containers.StdOut + volumes.StdOut).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Runtime.RemoveRunAsync(RunId, CancellationToken.None);
            var leftovers = await LeftoversAsync();
            Assert.True(leftovers.Length == 0, $"R19: objects of run {RunId} were left on the engine: {leftovers}");
        }
        finally
        {
            await Runtime.DisposeAsync();
        }
    }
}
