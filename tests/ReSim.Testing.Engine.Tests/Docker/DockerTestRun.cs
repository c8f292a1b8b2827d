using System.Collections.Immutable;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
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

    /// <summary>The orphan grace of <see cref="Sweeper"/>: short, so tests need not wait the product's 30 s.</summary>
    public static TimeSpan SweepGrace { get; } = TimeSpan.FromSeconds(3);

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
            throw new InvalidOperationException(e.Message + "\n" + TestEngine.HowToGetOne, e);
        }
    }

    /// <summary>A runtime whose orphan sweep counts runs without a running sandbox as dead after <see cref="SweepGrace"/>.</summary>
    public static DockerRuntime Sweeper() => new(new DockerRuntimeOptions { OrphanGrace = SweepGrace });

    /// <summary>
    /// Leaves this run on the engine as a dead owner would: a sandbox, and <paramref name="services"/> running services each
    /// with a volume, made through a runtime of its own that is then disposed, so its holds close as they do when a process
    /// dies. Returns once nothing of the run runs; the objects stay. Their owner labels name this live process, as a reused PID would.
    /// </summary>
    public async Task LeaveBehindAsync(int services = 1)
    {
        await using (var owner = new DockerRuntime())
        {
            await owner.ConnectAsync(Token);
            var sandbox = await owner.CreateSandboxAsync(new SandboxSpec(RunId, NameOf("sandbox"), [], Labels("sandbox")), Token);
            for (var i = 0; i < services; i++)
            {
                var volume = $"resim-{RunId}-data{i}";
                await owner.CreateVolumeAsync(new VolumeSpec(volume, Labels("volume")), Token);
                var id = await owner.CreateContainerAsync(Service($"user{i}", sandbox, "sleep 60") with { Mounts = [new MountSpec(MountKind.Volume, volume, "/data", ReadOnly: false)] }, Token);
                await owner.StartContainerAsync(id, Token);
            }
        }

        for (var i = 0; i < 100 && (await DockerCli.RunAsync("ps", "-q", "--filter", $"label={RunLabels.Run}={RunId}")).StdOut.Trim().Length > 0; i++)
        {
            await Task.Delay(100, Token);
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
