namespace ReSim.Testing.Engine.Docker;

/// <summary>Decides which runs on an engine are dead, from what the engine lists alone: a run lives exactly while its sandbox runs (R19).</summary>
/// <remarks>
/// <para>A sandbox runs only while its owner holds it (<see cref="SandboxHolds"/>), from whatever process, PID namespace or
/// machine the owner is on; so no host name, process ID or clock of the owner is needed, and a reused PID changes nothing.</para>
/// <para>The one moment a live run has objects but no running sandbox is while it is being set up: the sandbox is
/// created, then attached and started. So a run counts as dead only if, besides having no running sandbox, every one of
/// its objects was created at least the grace period ago. The engine's creation times are compared with this machine's
/// clock; the grace period (<see cref="DefaultGrace"/>) is far longer than that set-up takes and absorbs a clock
/// difference of the same size between this machine and a remote engine.</para>
/// </remarks>
internal static class OrphanRule
{
    /// <summary>How old every object of a run without a running sandbox must be before the run counts as dead.</summary>
    internal static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(30);

    /// <summary>The runs among <paramref name="objects"/> that are dead.</summary>
    /// <param name="objects">Every object carrying a run label: its run, whether it is a running (or paused) sandbox, and when the engine created it.</param>
    /// <param name="now">The time now.</param>
    /// <param name="grace">How old every object of a run without a running sandbox must be.</param>
    /// <returns>The IDs of the dead runs.</returns>
    internal static IReadOnlySet<string> DeadRuns(IEnumerable<(string RunId, bool IsRunningSandbox, DateTimeOffset Created)> objects, DateTimeOffset now, TimeSpan grace) =>
        objects.GroupBy(o => o.RunId, StringComparer.Ordinal)
            .Where(run => !run.Any(o => o.IsRunningSandbox) && run.All(o => now - o.Created >= grace))
            .Select(run => run.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a sandbox in <paramref name="state"/> holds its run alive.</summary>
    /// <param name="state">The container's state as the engine lists it.</param>
    /// <returns><see langword="true"/> for <c>running</c> and <c>paused</c>.</returns>
    internal static bool Holds(string? state) => state is "running" or "paused";
}
