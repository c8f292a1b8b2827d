using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ReSim.Testing.Engine.Docker;

/// <summary>
/// What differs between the engines this runtime speaks to through the Docker API (Docker Engine, and Podman's
/// Docker-compatible service), decided once from the engine's <c>/version</c> and consulted wherever the two differ.
/// </summary>
/// <remarks>
/// Every engine-specific behaviour of the Docker adapter is a member here, so the rest of the adapter has no test of the
/// engine's name. See docs/engines.md for what was verified on each engine.
/// </remarks>
internal sealed record EngineCapabilities
{
    /// <summary>Docker Engine (dockerd): the reference behaviour.</summary>
    internal static readonly EngineCapabilities Docker = new()
    {
        Name = "Docker",
        EventFilterActions = ["start", "die", DockerEventMapper.HealthStatusAction],
        HealthStatusInEventAction = true,
    };

    /// <summary>Podman's Docker-compatible API service (<c>podman system service</c>), 4.x.</summary>
    internal static readonly EngineCapabilities Podman = new()
    {
        Name = "Podman",
        LocalImagePrefix = "localhost/",
        // Podman filters on its own event names (`died`) but reports the Docker ones (`die`).
        EventFilterActions = ["start", "died", DockerEventMapper.HealthStatusAction],
        HealthStatusInEventAction = false,
        RunsHealthChecksOnlyWithSystemd = true,
        RefusesNotRunningAsServerError = true,
        GpusAsCdiDevices = true,
        CreatesMissingBindSources = true,
        EndsEventStreamsEarly = true,
        FollowedLogsLoseMessages = true,
        MissingObjectsAsServerError = true,
        HidesHostLimits = true,
    };

    /// <summary>The engine's name as users know it, for messages and <see cref="Runtime.RuntimeInfo.Engine"/>.</summary>
    internal required string Name { get; init; }

    /// <summary>
    /// What the engine puts before the name of an image made on it (imported or loaded) rather than pulled: Podman names
    /// them <c>localhost/NAME:TAG</c> and would otherwise file an imported image under <c>docker.io/</c>; Docker adds nothing.
    /// </summary>
    internal string LocalImagePrefix { get; init; } = string.Empty;

    /// <summary>The event actions to ask the engine's event filter for: container starts, exits and health changes.</summary>
    internal required IReadOnlyList<string> EventFilterActions { get; init; }

    /// <summary>
    /// Whether a health event's action carries the status (<c>health_status: healthy</c>) and comes only when it changes, as
    /// on Docker; Podman 4 sends a bare <c>health_status</c> after every check, and the status is read from the container
    /// and reported only when it changed.
    /// </summary>
    internal required bool HealthStatusInEventAction { get; init; }

    /// <summary>
    /// Whether the engine runs health checks from systemd timers, so that without systemd (containers, many CI runners)
    /// they never run unless the runtime asks for each check itself (Podman's <c>/libpod/containers/{id}/healthcheck</c>).
    /// </summary>
    internal bool RunsHealthChecksOnlyWithSystemd { get; init; }

    /// <summary>
    /// Whether the engine refuses to signal a container that is not running with a 500 ("container state improper"), as
    /// Podman 4 does, rather than Docker's 409.
    /// </summary>
    internal bool RefusesNotRunningAsServerError { get; init; }

    /// <summary>Whether <paramref name="refusal"/> says the container is not running (so there is nothing to signal).</summary>
    /// <param name="refusal">The engine's refusal of a kill.</param>
    /// <returns><see langword="true"/> for a container that is not running.</returns>
    internal bool IsNotRunning(DockerApiException refusal) =>
        refusal.StatusCode == HttpStatusCode.Conflict
        || (RefusesNotRunningAsServerError && refusal.StatusCode == HttpStatusCode.InternalServerError
            && refusal.ResponseBody?.Contains("container state improper", StringComparison.Ordinal) == true);

    /// <summary>
    /// Whether the engine may answer a request on an object that is already gone with a 500 ("no such volume", "no such
    /// container"), as Podman 4 does when another client removed it a moment before, rather than Docker's 404.
    /// </summary>
    internal bool MissingObjectsAsServerError { get; init; }

    /// <summary>Whether <paramref name="refusal"/> says the object is gone (someone else removed it).</summary>
    /// <param name="refusal">The engine's refusal.</param>
    /// <returns><see langword="true"/> for an object that no longer exists.</returns>
    internal bool IsGone(DockerApiException refusal) =>
        refusal.StatusCode == HttpStatusCode.NotFound
        || (MissingObjectsAsServerError && refusal.StatusCode == HttpStatusCode.InternalServerError
            && refusal.ResponseBody?.Contains("no such", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// Whether GPUs are asked for as CDI devices (<c>nvidia.com/gpu=0</c>) rather than Docker's device requests, which
    /// Podman's Docker-compatible API ignores.
    /// </summary>
    internal bool GpusAsCdiDevices { get; init; }

    /// <summary>
    /// Whether the engine makes a missing bind-mount source folder instead of refusing the container, as Podman does; then
    /// the runtime checks the sources itself (R11: a missing host folder is an error).
    /// </summary>
    internal bool CreatesMissingBindSources { get; init; }

    /// <summary>
    /// Whether the engine may end an event stream that should go on (seen on Podman 4.3 with two subscriptions opened at
    /// once); then the subscription is opened again from the last event's time, repeats left out.
    /// </summary>
    internal bool EndsEventStreamsEarly { get; init; }

    /// <summary>
    /// Whether a followed container log may lose messages, as Podman 4.3's does under load (lines dropped in the middle,
    /// often the whole end of a long log) while a plain read of the same log has them all; then logs are read by repeated
    /// plain reads (<see cref="PolledContainerLog"/>). Podman also stamps log messages in whole seconds.
    /// </summary>
    internal bool FollowedLogsLoseMessages { get; init; }

    /// <summary>
    /// Whether the Docker-compatible <c>/info</c> hides what the host cannot do (Podman's claims every cgroup limit), so
    /// the engine's own API is asked at connect time (<see cref="PodmanHost"/>).
    /// </summary>
    internal bool HidesHostLimits { get; init; }

    /// <summary>The CDI name of GPU <paramref name="deviceId"/> of <paramref name="driver"/>.</summary>
    /// <param name="driver">The compose GPU driver; <see langword="null"/> or <c>nvidia</c> for NVIDIA's.</param>
    /// <param name="deviceId">The device's index or UUID.</param>
    /// <returns>Such as <c>nvidia.com/gpu=0</c>.</returns>
    internal static string CdiDevice(string? driver, string deviceId) =>
        $"{(string.IsNullOrEmpty(driver) || driver == "nvidia" ? "nvidia.com" : driver)}/gpu={deviceId}";

    /// <summary>The capabilities of the engine whose <c>/version</c> answered <paramref name="version"/>.</summary>
    /// <param name="version">The engine's version answer.</param>
    /// <returns><see cref="Podman"/> when a component of the answer is Podman's engine, else <see cref="Docker"/>.</returns>
    internal static EngineCapabilities Of(VersionResponse version) =>
        version.Components?.Any(component => component.Name?.StartsWith("Podman", StringComparison.OrdinalIgnoreCase) == true) == true
            ? Podman
            : Docker;

    /// <summary>The name to give an image made on this engine.</summary>
    /// <param name="reference">Such as <c>resim-testing/sandbox:amd64-0123456789ab</c>.</param>
    /// <returns>The reference under <see cref="LocalImagePrefix"/>.</returns>
    internal string LocalImage(string reference) => LocalImagePrefix + reference;
}
