namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>One input of the <see cref="LifecyclePolicy"/>: something that happened to a service, or the timeout.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Service">The service, or <see langword="null"/> for <see cref="LifecycleEventKind.TimeoutElapsed"/>.</param>
/// <param name="At">How long after the experience started it happened; the policy has no clock of its own.</param>
/// <param name="ExitCode">For <see cref="LifecycleEventKind.Exited"/>, the exit code.</param>
internal sealed record LifecycleEvent(LifecycleEventKind Kind, string? Service, TimeSpan At, int? ExitCode = null)
{
    /// <summary>The service's container started.</summary>
    /// <param name="service">The service.</param>
    /// <param name="at">When, after the experience started.</param>
    /// <returns>The event.</returns>
    public static LifecycleEvent Started(string service, TimeSpan at) => new(LifecycleEventKind.Started, service, at);

    /// <summary>The service's container exited.</summary>
    /// <param name="service">The service.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="at">When, after the experience started.</param>
    /// <returns>The event.</returns>
    public static LifecycleEvent Exited(string service, int exitCode, TimeSpan at) => new(LifecycleEventKind.Exited, service, at, exitCode);

    /// <summary>The service's health check passed.</summary>
    /// <param name="service">The service.</param>
    /// <param name="at">When, after the experience started.</param>
    /// <returns>The event.</returns>
    public static LifecycleEvent Healthy(string service, TimeSpan at) => new(LifecycleEventKind.Healthy, service, at);

    /// <summary>The service's health check failed.</summary>
    /// <param name="service">The service.</param>
    /// <param name="at">When, after the experience started.</param>
    /// <returns>The event.</returns>
    public static LifecycleEvent Unhealthy(string service, TimeSpan at) => new(LifecycleEventKind.Unhealthy, service, at);

    /// <summary>The experience's timeout passed (R18).</summary>
    /// <param name="at">When, after the experience started.</param>
    /// <returns>The event.</returns>
    public static LifecycleEvent TimeoutElapsed(TimeSpan at) => new(LifecycleEventKind.TimeoutElapsed, null, at);
}
