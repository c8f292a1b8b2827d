namespace ReSim.Testing.Execution;

/// <summary>One taken place among the <see cref="ExperienceSlots"/>; disposing it frees the place, once.</summary>
/// <param name="semaphore">The semaphore the place was taken from.</param>
internal sealed class ExperienceSlot(SemaphoreSlim semaphore) : IDisposable
{
    private int released;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
