using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>The container runtime backed by a Docker engine.</summary>
public sealed class DockerRuntime : IContainerRuntime
{
    private readonly DockerRuntimeOptions options;

    /// <summary>Creates a runtime for the engine <paramref name="options"/> name; nothing is contacted until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Where the engine is; <see langword="null"/> for the default.</param>
    public DockerRuntime(DockerRuntimeOptions? options = null) => this.options = options ?? new DockerRuntimeOptions();

    /// <inheritdoc />
    public Task<RuntimeInfo> ConnectAsync(CancellationToken cancellationToken) => throw new NotImplementedException(options.ToString());

    /// <inheritdoc />
    public Task EnsureImageAsync(string service, string image, PullPolicy policy, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<int> RemoveOrphansAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<string> CreateSandboxAsync(SandboxSpec spec, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public IAsyncEnumerable<ContainerEvent> WatchAsync(string runId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public IAsyncEnumerable<LogLine> StreamLogsAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<ResourceSample?> SampleAsync(string containerId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task RemoveRunAsync(string runId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
