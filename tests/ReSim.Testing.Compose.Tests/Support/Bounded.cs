using System.Diagnostics;
using ReSim.Testing.Compose.Loading;

namespace ReSim.Testing.Compose.Tests.Support;

/// <summary>Runs a load and checks the bounds the issue sets for hostile input: no exception, within a second, bounded memory.</summary>
internal static class Bounded
{
    private const long MaxAllocatedBytes = 200L * 1024 * 1024;

    public static ComposeLoadResult Load(Func<ComposeLoadResult> load)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = load();
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The load took {clock.Elapsed}; hostile input must be diagnosed within a second.");
        Assert.True(allocated < MaxAllocatedBytes, $"The load allocated {allocated:N0} bytes; hostile input must not blow up memory.");
        Assert.True(result.HasErrors, "Hostile input must end in an error diagnostic.");
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Hint)));
        return result;
    }
}
