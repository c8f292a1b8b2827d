using System.Collections.Immutable;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Running;

/// <summary>What a run's loop knows of one service's container, besides what the lifecycle rules know (<see cref="Lifecycle.ServiceLifecycle"/>). Immutable.</summary>
/// <remarks>The lifecycle's view lags the engine by the start event; this one says what was asked of the engine and what it answered.</remarks>
internal sealed record ServiceRun
{
    /// <summary>The service.</summary>
    public required string Name { get; init; }

    /// <summary>Whether its container was asked to start and no exit has been seen since: teardown stops it.</summary>
    public bool Live { get; init; }

    /// <summary>Whether a start was asked for and the engine has not answered yet.</summary>
    public bool Starting { get; init; }

    /// <summary>Whether the log of its current (or last) start is still being read.</summary>
    public bool LogOpen { get; init; }

    /// <summary>A restart decided and not made yet, or <see langword="null"/>.</summary>
    public PendingRestart? Pending { get; init; }

    /// <summary>When its last start was seen, after the experience started.</summary>
    public TimeSpan? LastStarted { get; init; }

    /// <summary>How many restarts in a row came before, for the back-off (<see cref="RestartBackoff.InARow"/>).</summary>
    public int RestartsInARow { get; init; }

    /// <summary>Every restart decided, in order.</summary>
    public ImmutableArray<RestartRecord> Restarts { get; init; } = [];

    /// <summary>Where its stop at teardown is.</summary>
    public StopProgress Stop { get; init; }
}

/// <summary>A restart decided and not made yet.</summary>
/// <param name="Reason">The reason, with its back-off, for the log's header.</param>
/// <param name="BackoffElapsed">Whether the back-off is over; the restart then waits only for the previous start's log to end.</param>
internal sealed record PendingRestart(string Reason, bool BackoffElapsed);

/// <summary>Where a container's stop at teardown is.</summary>
internal enum StopProgress
{
    /// <summary>Not asked to stop.</summary>
    None,

    /// <summary>Asked; the engine has not answered yet.</summary>
    Stopping,

    /// <summary>Stopped.</summary>
    Stopped,

    /// <summary>The engine did not stop it; removing the run kills it.</summary>
    Failed,
}
