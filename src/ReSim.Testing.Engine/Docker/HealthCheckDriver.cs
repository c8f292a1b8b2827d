using System.Collections.Concurrent;
using System.Net;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>
/// Runs each started container's health check at its interval through Podman's own API, for engines whose health checks
/// otherwise run only from systemd timers (<see cref="EngineCapabilities.RunsHealthChecksOnlyWithSystemd"/>).
/// </summary>
/// <remarks>
/// Each check (<c>GET /libpod/containers/{id}/healthcheck</c>) updates the container's health as the engine's own would, and
/// the engine reports the change as a <c>health_status</c> event, so the rest of the runtime sees no difference. Where
/// systemd runs them too, checks come more often than the interval; the verdict rules do not depend on their count.
/// A container's loop ends when the engine no longer runs its check (it stopped, is gone, or has no health check).
/// </remarks>
internal sealed class HealthCheckDriver : IDisposable
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultStartInterval = TimeSpan.FromSeconds(5);

    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> loops = new(StringComparer.Ordinal);

    /// <summary>Creates a driver for the engine at <paramref name="endpoint"/> (a unix socket or plain tcp).</summary>
    /// <param name="endpoint">The engine's endpoint.</param>
    internal HealthCheckDriver(Uri endpoint)
    {
        http = PodmanHost.Client(endpoint);
    }

    /// <summary>Starts running the health check of a container that has just been started.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="healthcheck">Its health check; <see langword="null"/> or disabled means nothing to run.</param>
    internal void Drive(string containerId, HealthCheckSpec? healthcheck)
    {
        if (healthcheck is null || healthcheck.IsDisabled)
        {
            return;
        }

        var stop = new CancellationTokenSource();
        if (loops.TryGetValue(containerId, out var earlier))
        {
            earlier.Cancel();
        }

        loops[containerId] = stop;
        _ = RunAsync(containerId, healthcheck, stop.Token);
    }

    /// <summary>Stops running a container's check.</summary>
    /// <param name="containerId">The container.</param>
    internal void Forget(string containerId)
    {
        if (loops.TryRemove(containerId, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var containerId in loops.Keys)
        {
            Forget(containerId);
        }

        http.Dispose();
    }

    private async Task RunAsync(string containerId, HealthCheckSpec healthcheck, CancellationToken cancellationToken)
    {
        var startPeriodEnds = DateTimeOffset.UtcNow + (healthcheck.StartPeriod ?? TimeSpan.Zero);
        var interval = healthcheck.Interval ?? DefaultInterval;
        try
        {
            while (true)
            {
                var wait = DateTimeOffset.UtcNow < startPeriodEnds ? healthcheck.StartInterval ?? DefaultStartInterval : interval;
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                using var response = await http.GetAsync(new Uri($"v4.0.0/libpod/containers/{containerId}/healthcheck", UriKind.Relative), cancellationToken)
                    .ConfigureAwait(false);
                // 200 is a check run, healthy or not; anything else means the engine will run no more checks for it.
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // Stopped, or the engine went away: the event stream reports that on its own.
        }
    }
}
