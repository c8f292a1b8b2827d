using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Stops a container the way R19 asks: SIGTERM, then SIGKILL after the grace period.</summary>
/// <remarks>
/// Docker's own stop takes whole seconds; signalling and waiting here keeps a sub-second grace exact, which matters when
/// an experience ends and every idle service has to go.
/// </remarks>
internal static class ContainerStopper
{
    private static readonly TimeSpan KillBound = TimeSpan.FromSeconds(10);

    /// <summary>Stops the container; one that has already stopped or is gone is no error.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="engine">How the engine says a container is not running.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="gracePeriod">Time between SIGTERM and SIGKILL.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the container has stopped.</returns>
    /// <exception cref="ExperienceInfrastructureException">It did not stop within 10 s of SIGKILL.</exception>
    internal static async Task StopAsync(DockerClient client, EngineCapabilities engine, string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (!await SignalAsync(client, engine, containerId, "SIGTERM", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await WaitAsync(client, containerId, gracePeriod, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // SIGKILL cannot be caught, but a container stuck in the kernel (D state) or an engine in trouble can still hang:
        // the wait is bounded whatever token the caller gives.
        if (await SignalAsync(client, engine, containerId, "SIGKILL", cancellationToken).ConfigureAwait(false)
            && !await WaitAsync(client, containerId, KillBound, cancellationToken).ConfigureAwait(false))
        {
            throw new ExperienceInfrastructureException($"Container {containerId} did not stop within {KillBound.TotalSeconds:0} s of SIGKILL; the engine may be in trouble.");
        }
    }

    // False when there is nothing to signal: the container is not running or gone (404).
    private static async Task<bool> SignalAsync(DockerClient client, EngineCapabilities engine, string containerId, string signal, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = signal }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound || engine.IsNotRunning(e))
        {
            return false;
        }
    }

    // True when the container stopped within the time.
    private static async Task<bool> WaitAsync(DockerClient client, string containerId, TimeSpan time, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(time);
        try
        {
            await client.Containers.WaitContainerAsync(containerId, limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
    }
}
