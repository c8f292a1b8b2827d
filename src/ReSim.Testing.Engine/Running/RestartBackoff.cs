namespace ReSim.Testing.Engine.Running;

/// <summary>How long the runner waits before a restart (R15, R17): a capped exponential back-off, like Docker's own. Pure.</summary>
/// <remarks>
/// The first restart is immediate, the next after 100 ms, each further one twice as long, at most 5 s; a start that ran
/// 10 s or more resets the count. A crash-looping service so restarts a few times a second at first, then every 5 s, not
/// ten times a second until the timeout. Docker caps at one minute, which is too slow for a test run.
/// </remarks>
internal static class RestartBackoff
{
    /// <summary>The delay before the second restart in a row.</summary>
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    /// <summary>How long a start must have run for the next restart to count as the first again.</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);

    /// <summary>The delay before a restart.</summary>
    /// <param name="earlierInARow">How many restarts of the service came before this one without a start that ran <see cref="ResetAfter"/>.</param>
    /// <returns>Zero for the first, then 100 ms doubling up to <see cref="Cap"/>.</returns>
    public static TimeSpan Delay(int earlierInARow) => earlierInARow <= 0
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(Cap.Ticks, First.Ticks << Math.Min(earlierInARow - 1, 20)));

    /// <summary>The count for the next restart, given the current one and how long the start that just exited ran.</summary>
    /// <param name="earlierInARow">The count before this restart.</param>
    /// <param name="ran">How long the exited start ran, or <see langword="null"/> when its start was not seen.</param>
    /// <returns>The count this restart uses: reset to zero after a long run.</returns>
    public static int InARow(int earlierInARow, TimeSpan? ran) => ran >= ResetAfter ? 0 : earlierInARow;
}
