using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Scripted;

/// <summary>
/// An <see cref="IContainerRuntime"/> with no engine: each service plays a script per start (print, wait, health, exit),
/// and every call is recorded in order, so the runner's lifecycle can be tested fast and exactly.
/// </summary>
/// <remarks>Like the real engine, a container's lines are all readable after it exits, and events come in one ordered stream.</remarks>
public sealed class ScriptedRuntime : IContainerRuntime
{
    private readonly Dictionary<string, IReadOnlyList<StartScript>> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScriptedContainer> containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Channel<ContainerEvent>> events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> startedAt = new(StringComparer.Ordinal);
    private int nextId;

    /// <summary>Images EnsureImageAsync fails for, as a missing image would.</summary>
    public HashSet<string> MissingImages { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, ConnectAsync fails with it, as an unreachable engine would.</summary>
    public string? ConnectFailure { get; set; }

    /// <summary>What ConnectAsync says the engine cannot do, as rootless Podman without cgroup controllers would.</summary>
    public IReadOnlyList<string> Limitations { get; set; } = [];

    /// <summary>When set, StopContainerAsync fails with it, as a stop refused by the engine would.</summary>
    public string? StopFailure { get; set; }

    /// <summary>When set, StopContainerAsync throws it: any exception, as a runtime with a bug or a broken connection would.</summary>
    public Exception? StopException { get; set; }

    /// <summary>Services whose log stream fails after this many lines, as a runtime whose log cannot be read to the end does.</summary>
    public Dictionary<string, int> LogBreaksAfter { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, RemoveRunAsync throws it after stopping the run's containers, as an engine refusing the removal would.</summary>
    public Exception? RemoveException { get; set; }

    /// <summary>A delay before each log line is delivered, to model an engine whose log stream lags behind its exit events.</summary>
    public TimeSpan LogDelivery { get; set; }

    /// <summary>Every call, in order: <c>connect</c>, <c>start:robot</c>, <c>stop:robot</c>, <c>remove-run:ID</c> ...</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    public SandboxSpec? Sandbox { get; private set; }

    public ConcurrentQueue<VolumeSpec> Volumes { get; } = new();

    public IReadOnlyList<ContainerSpec> Containers => [.. containers.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Spec)];

    public ScriptedRuntime Script(string service, params StartScript[] starts)
    {
        scripts[service] = starts;
        return this;
    }

    /// <summary>Ends every run's event stream with an error, as an engine that goes away would.</summary>
    public void BreakEvents(Exception error)
    {
        foreach (var channel in events.Values)
        {
            channel.Writer.TryComplete(error);
        }
    }

    public ContainerSpec SpecOf(string service) => containers.Values.Single(c => c.Spec.Service == service).Spec;

    public int StartsOf(string service) => containers.Values.Where(c => c.Spec.Service == service).Sum(c => c.Starts);

    public Task<RuntimeInfo> ConnectAsync(CancellationToken cancellationToken)
    {
        calls.Enqueue("connect");
        return ConnectFailure is { } failure
            ? throw new ExperienceInfrastructureException(failure)
            : Task.FromResult(new RuntimeInfo("scripted://", "1.0", "1.41", "amd64") { Limitations = Limitations });
    }

    public Task EnsureImageAsync(string service, string image, PullPolicy policy, CancellationToken cancellationToken)
    {
        calls.Enqueue($"ensure:{service}:{image}");
        return MissingImages.Contains(image)
            ? throw new ExperienceInfrastructureException($"Service '{service}': image '{image}' is not on the engine and could not be pulled.")
            : Task.CompletedTask;
    }

    public Task<int> RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        calls.Enqueue("remove-orphans");
        return Task.FromResult(0);
    }

    public Task<string> CreateSandboxAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        calls.Enqueue("sandbox");
        Sandbox = spec;
        return Task.FromResult("sandbox-id");
    }

    public Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken)
    {
        calls.Enqueue($"volume:{spec.Name}");
        Volumes.Enqueue(spec);
        return Task.CompletedTask;
    }

    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        calls.Enqueue($"create:{spec.Service}");
        var id = $"c{Interlocked.Increment(ref nextId):D3}-{spec.Service}";
        containers[id] = new ScriptedContainer(id, spec, scripts.GetValueOrDefault(spec.Service, []), e => EventsOf(spec.RunId).Writer.TryWrite(e));
        return Task.FromResult(id);
    }

    public async IAsyncEnumerable<ContainerEvent> WatchAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        calls.Enqueue("watch");
        await foreach (var containerEvent in EventsOf(runId).Reader.ReadAllAsync(cancellationToken))
        {
            yield return containerEvent;
        }
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = containers[containerId];
        calls.Enqueue($"start:{container.Spec.Service}");
        container.Start();
        startedAt[containerId] = DateTimeOffset.UtcNow;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LogLine> StreamLogsAsync(string containerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = containers[containerId].Lines;
        var delivered = 0;
        await foreach (var line in lines.ReadAllAsync(cancellationToken))
        {
            if (LogDelivery > TimeSpan.Zero)
            {
                await Task.Delay(LogDelivery, cancellationToken);
            }

            if (LogBreaksAfter.TryGetValue(containers[containerId].Spec.Service, out var limit) && delivered == limit)
            {
                throw new ExperienceInfrastructureException($"The log is incomplete: scripted break; {limit} lines of this start were read.");
            }

            delivered++;
            yield return line;
        }
    }

    public Task<ResourceSample?> SampleAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = containers[containerId];
        // A container uses 12.5 % of a CPU per start it has had, so CPU figures are known exactly.
        var now = DateTimeOffset.UtcNow;
        var cpu = (now - startedAt.GetValueOrDefault(containerId, now)) * 0.125 * container.Starts;
        return Task.FromResult(container.IsRunning ? new ResourceSample(now, cpu, 1_048_576L * (1 + container.Spec.Service.Length)) : null);
    }

    public async Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var container = containers[containerId];
        calls.Enqueue($"stop:{container.Spec.Service}");
        if (StopFailure is { } failure)
        {
            throw new ExperienceInfrastructureException(failure);
        }

        if (StopException is { } exception)
        {
            throw exception;
        }

        await container.StopAsync();
    }

    public async Task RemoveRunAsync(string runId, CancellationToken cancellationToken)
    {
        calls.Enqueue($"remove-run:{runId}");
        await Task.WhenAll(containers.Values.Where(c => c.Spec.RunId == runId).Select(c => c.StopAsync()));
        if (RemoveException is { } exception)
        {
            throw exception;
        }
    }

    private Channel<ContainerEvent> EventsOf(string runId) => events.GetOrAdd(runId, _ => Channel.CreateUnbounded<ContainerEvent>());

    public async ValueTask DisposeAsync()
    {
        foreach (var container in containers.Values)
        {
            await container.StopAsync();
            container.Dispose();
        }
    }
}
