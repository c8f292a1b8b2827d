using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Runtime;

/// <summary>The container operations an experience needs; the Docker engine in production, a scripted runtime in fast tests.</summary>
/// <remarks>
/// Infrastructure problems (no engine, missing image) are thrown as <see cref="ExperienceInfrastructureException"/>.
/// Every object a runtime creates carries the labels of <see cref="RunLabels"/> so a run can be removed whole.
/// </remarks>
public interface IContainerRuntime : IAsyncDisposable
{
    /// <summary>Checks that the engine answers, and negotiates the API version.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What the engine said of itself.</returns>
    Task<RuntimeInfo> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Makes sure <paramref name="image"/> is present, pulling it as <paramref name="policy"/> says.</summary>
    /// <param name="service">The service that uses the image, for the error message.</param>
    /// <param name="image">The image reference.</param>
    /// <param name="policy">When to pull.</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <returns>A task that completes when the image is present.</returns>
    Task EnsureImageAsync(string service, string image, PullPolicy policy, CancellationToken cancellationToken);

    /// <summary>Removes the objects of dead runs: runs no live owner holds any more, from any process or machine sharing the engine; never a live run.</summary>
    /// <param name="cancellationToken">Cancels the clean-up.</param>
    /// <returns>How many objects were removed.</returns>
    Task<int> RemoveOrphansAsync(CancellationToken cancellationToken);

    /// <summary>Creates and starts the sandbox that holds the experience's one network namespace (R12).</summary>
    /// <param name="spec">The run, its labels and the service names that resolve to 127.0.0.1.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The sandbox container's ID, for <see cref="ContainerSpec.NetworkNamespaceOf"/>.</returns>
    Task<string> CreateSandboxAsync(SandboxSpec spec, CancellationToken cancellationToken);

    /// <summary>Creates a named volume for this run alone (R10).</summary>
    /// <param name="spec">The volume's engine name and labels.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when the volume exists.</returns>
    Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken);

    /// <summary>Creates (does not start) one service's container.</summary>
    /// <param name="spec">Everything the container needs.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The container's ID.</returns>
    Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the state changes of the run's containers (start, exit with code, health) as they happen.
    /// Subscribe before starting any container; the stream ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="runId">The run whose containers to watch.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The events, in the order the engine reports them.</returns>
    IAsyncEnumerable<ContainerEvent> WatchAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Starts a created or exited container (a restart is a start of the exited container).</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the engine has started it.</returns>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the stdout and stderr lines of the container's current start, from its first line, until the
    /// container has stopped and every line it wrote has been delivered. Lines of earlier starts are not repeated;
    /// nothing printed before a quick exit is lost.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Ends the stream early.</param>
    /// <returns>The lines in the engine's order, stamped with the engine's time. A log that cannot be read to its end ends,
    /// after every line read, with an <see cref="ExperienceInfrastructureException"/> saying how much was read.</returns>
    IAsyncEnumerable<LogLine> StreamLogsAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Reads a running container's CPU and memory counters (R22).</summary>
    /// <remarks>Should answer quickly (well under 100 ms) so a container is sampled soon after its start and close to its exit.</remarks>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the sample.</param>
    /// <returns>The reading, or <see langword="null"/> when the container is not running.</returns>
    Task<ResourceSample?> SampleAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Stops a container: SIGTERM, then SIGKILL after <paramref name="gracePeriod"/> (R19).</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="gracePeriod">Time between the two signals.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the container has stopped.</returns>
    Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Removes every object labelled with <paramref name="runId"/>: containers, sandbox, volumes (R19).</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when nothing of the run is left on the engine.</returns>
    Task RemoveRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Lets go of everything the runtime keeps of a run it will not remove (its containers were kept after the verdict); <see cref="RemoveRunAsync"/> does the same for a run it removes.</summary>
    /// <param name="runId">The run.</param>
    /// <remarks>Nothing on the engine changes. The default does nothing, for runtimes that keep nothing per run.</remarks>
    void ForgetRun(string runId)
    {
    }
}
