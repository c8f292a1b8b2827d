using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;
using ContainerSpec = ReSim.Testing.Engine.Runtime.ContainerSpec;

namespace ReSim.Testing.Engine.Docker;

/// <summary>The container runtime backed by a Docker engine (Docker.DotNet.Enhanced, API version negotiated with the engine).</summary>
/// <remarks>
/// Call <see cref="ConnectAsync"/> first; every other member needs the connection. One instance may serve several runs at
/// once: every object it makes is named and labelled by its run. Whatever the engine refuses, or a lost connection, comes
/// out as an <see cref="ExperienceInfrastructureException"/> saying what was being done and the engine's reason.
/// See <see cref="WatchAsync"/> and <see cref="StreamLogsAsync"/> for what the event and log streams guarantee.
/// </remarks>
public sealed class DockerRuntime : IContainerRuntime
{
    private readonly DockerRuntimeOptions options;
    private readonly RunScopes runs = new();
    private readonly SandboxHolds holds = new();
    private readonly object gate = new();
    private Task<RuntimeInfo>? connecting;
    private DockerClient? client;
    private ContainerSampler? sampler;
    private RuntimeInfo? info;
    private EngineCapabilities engine = EngineCapabilities.Docker;
    private Task<string>? sandboxImage;
    private (ExperienceInfrastructureException Error, long At, DateTimeOffset Seen)? failure;
    private HealthCheckDriver? healthChecks;

    /// <summary>Creates a runtime for the engine <paramref name="options"/> name; nothing is contacted until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Where the engine is; <see langword="null"/> for the default.</param>
    public DockerRuntime(DockerRuntimeOptions? options = null) => this.options = options ?? new DockerRuntimeOptions();

    /// <summary>How long a failed connection is remembered before this runtime tries the engine again.</summary>
    public static TimeSpan FailureMemory { get; } = TimeSpan.FromMinutes(1);

    private DockerClient Client => client ?? throw new InvalidOperationException("Call ConnectAsync before using the Docker runtime.");

    private ContainerSampler Sampler => sampler ?? throw new InvalidOperationException("Call ConnectAsync before using the Docker runtime.");

    /// <inheritdoc />
    /// <remarks>
    /// The endpoint is <see cref="DockerRuntimeOptions.Endpoint"/>, else the Docker CLI's (<c>DOCKER_HOST</c>, the Docker
    /// context, the platform default; see <see cref="DockerRuntimeOptions.Endpoint"/>). Docker Engine and Podman's
    /// Docker-compatible service are both spoken to; what differs is in <see cref="EngineCapabilities"/>.
    /// The engine's <c>/version</c> is asked unversioned, then the lower of its and this client's newest API versions is used.
    /// No answer within <see cref="DockerRuntimeOptions.ConnectTimeout"/> is an <see cref="ExperienceInfrastructureException"/>
    /// naming the endpoint and how to start an engine. A failure is remembered for <see cref="FailureMemory"/>: runs
    /// connecting meanwhile fail at once with the same message and when it was seen, so a suite of many experiences does
    /// not wait the timeout once per experience. A cancelled attempt is tried again by the next caller.
    /// </remarks>
    public Task<RuntimeInfo> ConnectAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (failure is { } known && Environment.TickCount64 - known.At < (long)FailureMemory.TotalMilliseconds)
            {
                return Task.FromException<RuntimeInfo>(new ExperienceInfrastructureException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{known.Error.Message} (Seen at {known.Seen:HH:mm:ss} UTC; this process tries the engine again from {known.Seen + FailureMemory:HH:mm:ss} UTC.)"),
                    known.Error));
            }

            if (connecting is null || connecting.IsFaulted || connecting.IsCanceled)
            {
                failure = null;
                connecting = ConnectOnceAsync(cancellationToken);
            }

            return connecting.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task EnsureImageAsync(string service, string image, PullPolicy policy, CancellationToken cancellationToken) =>
        ImagePuller.EnsureAsync(Client, service, image, policy, DockerContexts.ConfigFolder(options.Variables, options.HomeFolder), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Removes the containers, sandboxes and volumes of every dead run on the engine, from any process, PID namespace or
    /// machine: a run whose sandbox does not run (its owner's hold is gone) and none of whose objects is younger than 30 s
    /// (a run being set up). A live run is never touched (<see cref="OrphanRule"/>).
    /// </remarks>
    public Task<int> RemoveOrphansAsync(CancellationToken cancellationToken) =>
        EngineErrors.GuardAsync("remove the objects of earlier runs", () => RunRemover.RemoveOrphansAsync(Client, engine, options.OrphanGrace, cancellationToken));

    /// <inheritdoc />
    /// <remarks>
    /// The sandbox image is made offline on first use (<see cref="SandboxImage"/>). The sandbox runs with Docker's init
    /// process, on the default bridge (outbound traffic only, nothing published), with each of
    /// <see cref="SandboxSpec.HostNames"/> resolving to 127.0.0.1. This runtime holds it alive through an attach stream to
    /// its standard input until <see cref="RemoveRunAsync"/> or <see cref="DisposeAsync"/>: when this process ends, however
    /// it ends, the sandbox ends and the kernel kills every service of the run (<see cref="SandboxHolds"/>).
    /// </remarks>
    public async Task<string> CreateSandboxAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var image = await EngineErrors.GuardAsync("make the sandbox image", () => SandboxImageAsync(cancellationToken)).ConfigureAwait(false);
        return await EngineErrors.GuardAsync($"start the sandbox {spec.Name}", async () =>
        {
            var created = await Client.Containers.CreateContainerAsync(CreateParameters.ForSandbox(spec, image), cancellationToken).ConfigureAwait(false);
            await holds.HoldAsync(Client, spec.RunId, created.ID, cancellationToken).ConfigureAwait(false);
            await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            return created.ID;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return EngineErrors.GuardAsync($"create the volume {spec.Name}", () => Client.Volumes.CreateAsync(
            new VolumesCreateParameters { Name = spec.Name, Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal) },
            cancellationToken));
    }

    /// <inheritdoc />
    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        BindSources.RequireExisting(spec, engine, info?.Endpoint);
        var created = await EngineErrors.GuardAsync(
            $"create the container of service '{spec.Service}'",
            () => Client.Containers.CreateContainerAsync(CreateParameters.ForService(spec, engine), cancellationToken)).ConfigureAwait(false);
        runs.Track(created.ID, new TrackedContainer(spec.RunId, spec.Service, spec.Healthcheck));
        return created.ID;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The subscription is opened when this method is called, not when enumeration starts, and reaches back
    /// <see cref="EventSubscription.ReplayMargin"/>: every event of the run from then on is delivered, even if the caller
    /// starts containers before its first <c>MoveNextAsync</c>. Only service containers are reported (those with the
    /// service label); the sandbox's own events are left out. Events come in the engine's order: <c>start</c> as
    /// <see cref="ContainerEventKind.Started"/>, <c>die</c> as <see cref="ContainerEventKind.Exited"/> with the exit code,
    /// health changes as <see cref="ContainerEventKind.Healthy"/> or <see cref="ContainerEventKind.Unhealthy"/>; times are the
    /// engine's. A health check that runs while a container is exiting fails, so an <see cref="ContainerEventKind.Unhealthy"/>
    /// may come just before an <see cref="ContainerEventKind.Exited"/>. Cancelling <paramref name="cancellationToken"/> (or
    /// disposing the enumerator) ends the stream quietly and closes the subscription; one never enumerated stays open until
    /// then or until the runtime is disposed. A broken stream ends with an <see cref="ExperienceInfrastructureException"/>.
    /// </remarks>
    public IAsyncEnumerable<ContainerEvent> WatchAsync(string runId, CancellationToken cancellationToken) =>
        EventSubscription.Open(Client, engine, runId, (id, at) => runs.Find(id)?.SawExit(at), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Before a restart, the point where the earlier starts' output ends is noted (just after the engine's time of the last
    /// line logged, or of the <c>die</c> event seen by <see cref="WatchAsync"/> if later): <see cref="StreamLogsAsync"/>
    /// starts there. Restart only a container the engine reports stopped (as the <c>die</c> event or a wait says).
    /// </remarks>
    public async Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        var tracked = runs.Find(containerId);
        await EngineErrors.GuardAsync($"start {Describe(containerId)}", async () =>
        {
            if (tracked is not null)
            {
                tracked.LogStart = tracked.LogStart is null ? default(LogStart) : await PreviousEndAsync(containerId, tracked, cancellationToken).ConfigureAwait(false);
            }

            await Client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        healthChecks?.Drive(containerId, tracked?.Healthcheck);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Call it after <see cref="StartContainerAsync"/> has returned (for a container started through this runtime). It
    /// yields every line of the current start, stdout and stderr, in the engine's order and with the engine's timestamps,
    /// from its first line, and ends once the container has stopped and the engine has delivered the whole start; for a
    /// container that has already stopped it yields that start's whole output and ends. Lines of earlier starts are not
    /// repeated: the log is read from the point <see cref="StartContainerAsync"/> noted. A broken or stalled stream is asked
    /// again and resumed to the byte (<see cref="ContainerLogStream"/>); a log that cannot be read to its end (the container
    /// removed by someone else, the engine gone) ends, after every line read, with an
    /// <see cref="ExperienceInfrastructureException"/> that says how much was read. Lines are cut at <c>\n</c>; a last line
    /// without a break still comes out. Each line is held only until it is complete, so a large log streams through.
    /// Cancelling ends the stream quietly; a container that is gone before the first read yields nothing. Let the stream
    /// of one start end before starting the container again: a stream still reading when the next start begins could
    /// also pick up that start's first lines.
    /// </remarks>
    public IAsyncEnumerable<LogLine> StreamLogsAsync(string containerId, CancellationToken cancellationToken)
    {
        var tracked = runs.Find(containerId);
        var start = tracked?.LogStart ?? default;
        if (engine.FollowedLogsLoseMessages)
        {
            return PolledContainerLog.ReadAsync(Client, containerId, start, cancellationToken);
        }

        var since = start.SinceNanoseconds;
        return ContainerLogStream.ReadAsync(
            Client, containerId, since, () => tracked?.LastExit is { } died && (since is not { } from || died > from), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Read from the container's cgroup when this host shows it (a local engine): at once, exact, under a millisecond.
    /// Otherwise the engine's one-shot stats, which answer at its next once-a-second collection. See <see cref="ContainerSampler"/>.
    /// </remarks>
    public Task<ResourceSample?> SampleAsync(string containerId, CancellationToken cancellationToken) =>
        Sampler.SampleAsync(containerId, Describe(containerId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Sends SIGTERM, waits up to <paramref name="gracePeriod"/> (to the millisecond) for the exit, then SIGKILL. A container that has already stopped, or is gone, is no error.</remarks>
    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken) =>
        EngineErrors.GuardAsync($"stop {Describe(containerId)}", () => ContainerStopper.StopAsync(Client, engine, containerId, gracePeriod, cancellationToken));

    /// <inheritdoc />
    /// <remarks>Idempotent: objects already gone, or being removed by someone else, are skipped. What this runtime tracks of
    /// the run is dropped first (its health checks stop before their containers go); the sandbox's hold is released last.</remarks>
    public async Task RemoveRunAsync(string runId, CancellationToken cancellationToken)
    {
        ForgetRun(runId);
        try
        {
            await EngineErrors.GuardAsync($"remove run {runId}", () => RunRemover.RemoveRunAsync(Client, engine, runId, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            holds.Release(runId);
        }
    }

    /// <inheritdoc />
    /// <remarks>Drops what this runtime tracks of the run's containers (services, health checks, exits, log positions, CPU counters).</remarks>
    public void ForgetRun(string runId)
    {
        foreach (var containerId in runs.Drop(runId))
        {
            Forget(containerId);
        }
    }

    /// <summary>How many containers this runtime tracks, of every run not yet removed or let go.</summary>
    internal int TrackedContainers => runs.Count;

    /// <inheritdoc />
    /// <remarks>Releases the holds of runs not yet removed: their sandboxes end, and their services with them.</remarks>
    public ValueTask DisposeAsync()
    {
        holds.Dispose();
        healthChecks?.Dispose();
        client?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<RuntimeInfo> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        DockerClient connected;
        RuntimeInfo about;
        EngineCapabilities capabilities;
        try
        {
            (connected, about, capabilities) = await DockerConnector.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ExperienceInfrastructureException e)
        {
            lock (gate)
            {
                failure = (e, Environment.TickCount64, DateTimeOffset.UtcNow);
            }

            throw;
        }

        info = about;
        engine = capabilities;
        healthChecks = capabilities.RunsHealthChecksOnlyWithSystemd ? new HealthCheckDriver(new Uri(about.Endpoint)) : null;
        client = connected;
        sampler = new ContainerSampler(connected, TimeProvider.System);
        return about;
    }

    private string Describe(string containerId) =>
        runs.Find(containerId) is { } tracked ? $"the container of service '{tracked.Service}'" : $"container {containerId}";

    private void Forget(string containerId)
    {
        runs.Forget(containerId);
        healthChecks?.Forget(containerId);
        sampler?.Forget(containerId);
    }

    private Task<string> SandboxImageAsync(CancellationToken cancellationToken)
    {
        var architecture = info?.Architecture ?? throw new InvalidOperationException("Call ConnectAsync before using the Docker runtime.");
        // One import per runtime, shared by concurrent runs; a failed import is tried again by the next sandbox.
        if (sandboxImage is null || sandboxImage.IsFaulted)
        {
            sandboxImage = SandboxImage.EnsureAsync(Client, engine, architecture, CancellationToken.None);
        }

        return sandboxImage.WaitAsync(cancellationToken);
    }

    // Both marks are on the engine's clock and after every line of earlier starts: the last line logged, and the die event
    // (logged once the output is drained). Either alone would do; the die event is only known when a watcher saw it. An
    // engine whose log stamps are whole seconds (Podman) gives the last second and how many messages of it to skip.
    private async Task<LogStart> PreviousEndAsync(string containerId, TrackedContainer tracked, CancellationToken cancellationToken)
    {
        if (engine.FollowedLogsLoseMessages)
        {
            return await PolledContainerLog.EndAsync(Client, containerId, cancellationToken).ConfigureAwait(false);
        }

        var lastLine = await ContainerLogStream.LastLineTimeAsync(Client, containerId, cancellationToken).ConfigureAwait(false);
        return new LogStart(new[] { lastLine + 1, tracked.LastExit }.Max(), 0);
    }
}
