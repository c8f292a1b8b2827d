using System.Reflection;
using ReSim.Testing.Configuration;

namespace ReSim.Testing.Execution;

/// <summary>Limits how many experiences run at once in a test process; the limit is resolved once, from the first test assembly that asks.</summary>
internal sealed class ExperienceSlots
{
    private readonly Func<Assembly, ParallelLimit> resolve;
    private readonly object gate = new();
    private (ParallelLimit Limit, SemaphoreSlim Semaphore)? state;

    /// <summary>Creates slots whose limit <paramref name="resolve"/> gives.</summary>
    /// <param name="resolve">Resolves the limit for a test assembly.</param>
    public ExperienceSlots(Func<Assembly, ParallelLimit> resolve) => this.resolve = resolve;

    /// <summary>The slots of this process.</summary>
    public static ExperienceSlots Shared { get; } = new(assembly => ParallelLimit.Resolve(assembly, Environment.GetEnvironmentVariable));

    /// <summary>Waits for a free slot.</summary>
    /// <param name="testAssembly">The test assembly whose settings give the limit.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The limit, and the slot: dispose it to free it.</returns>
    /// <exception cref="Sdk.ExperienceSetupException">A setting of the limit is invalid.</exception>
    public async Task<(ParallelLimit Limit, IDisposable Slot)> AcquireAsync(Assembly testAssembly, CancellationToken cancellationToken)
    {
        var (limit, semaphore) = StateFor(testAssembly);
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return (limit, new ExperienceSlot(semaphore));
    }

    private (ParallelLimit Limit, SemaphoreSlim Semaphore) StateFor(Assembly testAssembly)
    {
        lock (gate)
        {
            if (state is null)
            {
                var limit = resolve(testAssembly);
                state = (limit, new SemaphoreSlim(limit.Count, limit.Count));
            }

            return state.Value;
        }
    }
}
