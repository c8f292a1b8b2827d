using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Docker;

/// <summary>The Docker adapter's per-run state: each run's containers (<see cref="TrackedContainer"/>), dropped whole when the run is removed or let go.</summary>
/// <remarks>
/// One runtime serves many runs at once and over a long process (an IDE's test host): nothing of a run outlives it here,
/// whether or not each of its containers was seen while the run was removed. Thread-safe.
/// </remarks>
internal sealed class RunScopes
{
    private readonly ConcurrentDictionary<string, TrackedContainer> containers = new(StringComparer.Ordinal);

    /// <summary>How many containers are tracked, of every run.</summary>
    public int Count => containers.Count;

    /// <summary>Tracks a container created for a run.</summary>
    /// <param name="containerId">The container.</param>
    /// <param name="container">What to know of it.</param>
    public void Track(string containerId, TrackedContainer container) => containers[containerId] = container;

    /// <summary>The tracked container, or <see langword="null"/> for one this runtime did not create (or has let go).</summary>
    /// <param name="containerId">The container.</param>
    /// <returns>What is known of it.</returns>
    public TrackedContainer? Find(string containerId) => containers.TryGetValue(containerId, out var container) ? container : null;

    /// <summary>Stops tracking one container.</summary>
    /// <param name="containerId">The container.</param>
    public void Forget(string containerId) => containers.TryRemove(containerId, out _);

    /// <summary>Stops tracking every container of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <returns>The containers let go.</returns>
    public ImmutableArray<string> Drop(string runId)
    {
        var ofRun = containers.Where(c => string.Equals(c.Value.RunId, runId, StringComparison.Ordinal)).Select(c => c.Key).ToImmutableArray();
        foreach (var id in ofRun)
        {
            containers.TryRemove(id, out _);
        }

        return ofRun;
    }
}
