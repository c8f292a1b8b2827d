using Docker.DotNet.Models;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R22: the engine's CPU total and memory without the page cache, as <c>docker stats</c> computes them.</summary>
public sealed class CpuMemoryCalculatorTests
{
    private static CPUStats Cpu(ulong container, ulong system) =>
        new() { CPUUsage = new CPUUsage { TotalUsage = container }, SystemUsage = system, OnlineCPUs = 2 };

    private static ContainerStatsResponse Reading(CPUStats cpu, IDictionary<string, ulong>? memory = null) => new()
    {
        Read = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc),
        CPUStats = cpu,
        MemoryStats = new MemoryStats { Usage = 100_000, Stats = memory },
        PidsStats = new PidsStats { Current = 1 },
    };

    [Fact]
    public void CPU_is_the_containers_running_total_at_the_engines_reading_time_so_no_previous_figures_are_needed()
    {
        var sample = CpuMemoryCalculator.Sample(Reading(Cpu(1_500_000_000, 12_000)));

        Assert.Equal(TimeSpan.FromMilliseconds(1_500), sample.CpuTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), sample.Time);
    }

    [Theory]
    [InlineData("total_inactive_file", 30_000, 70_000)]
    [InlineData("inactive_file", 40_000, 60_000)]
    [InlineData("cache", 40_000, 100_000)]
    [InlineData("inactive_file", 200_000, 100_000)]
    public void Memory_is_usage_less_the_inactive_file_cache_when_given(string key, ulong cache, long expected)
    {
        var sample = CpuMemoryCalculator.Sample(Reading(Cpu(1, 1), memory: new Dictionary<string, ulong> { [key] = cache }));

        Assert.Equal(expected, sample.MemoryBytes);
    }

    [Fact]
    public void An_empty_reading_of_a_stopped_container_is_not_running()
    {
        Assert.False(CpuMemoryCalculator.IsRunning(new ContainerStatsResponse { CPUStats = new CPUStats { CPUUsage = new CPUUsage() } }));
        Assert.True(CpuMemoryCalculator.IsRunning(Reading(Cpu(1, 1))));
    }
}
