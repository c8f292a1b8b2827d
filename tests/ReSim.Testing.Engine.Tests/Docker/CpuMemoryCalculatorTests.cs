using Docker.DotNet.Models;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R22: CPU percent from two readings and memory without the page cache, as <c>docker stats</c> computes them.</summary>
public sealed class CpuMemoryCalculatorTests
{
    private static CPUStats Cpu(ulong container, ulong system) =>
        new() { CPUUsage = new CPUUsage { TotalUsage = container }, SystemUsage = system, OnlineCPUs = 2 };

    private static ContainerStatsResponse Reading(CPUStats cpu, CPUStats? pre = null, IDictionary<string, ulong>? memory = null) => new()
    {
        Read = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc),
        CPUStats = cpu,
        PreCPUStats = pre ?? new CPUStats { CPUUsage = new CPUUsage() },
        MemoryStats = new MemoryStats { Usage = 100_000, Stats = memory },
        PidsStats = new PidsStats { Current = 1 },
    };

    [Fact]
    public void One_shot_readings_are_compared_with_the_previous_sample_kept_by_the_caller()
    {
        var sample = CpuMemoryCalculator.Sample(Reading(Cpu(1_500, 12_000)), previous: Cpu(1_000, 10_000));

        Assert.Equal(50.0, sample.CpuPercent, 6);
    }

    [Fact]
    public void A_reading_that_carries_its_own_previous_figures_uses_them()
    {
        var sample = CpuMemoryCalculator.Sample(Reading(Cpu(3_000, 20_000), pre: Cpu(1_000, 18_000)), previous: Cpu(0, 1));

        Assert.Equal(200.0, sample.CpuPercent, 6);
    }

    [Fact]
    public void The_first_sample_of_a_container_reads_zero_cpu()
    {
        Assert.Equal(0, CpuMemoryCalculator.Sample(Reading(Cpu(3_000, 20_000)), previous: null).CpuPercent);
    }

    [Theory]
    [InlineData("total_inactive_file", 30_000, 70_000)]
    [InlineData("inactive_file", 40_000, 60_000)]
    [InlineData("cache", 40_000, 100_000)]
    [InlineData("inactive_file", 200_000, 100_000)]
    public void Memory_is_usage_less_the_inactive_file_cache_when_given(string key, ulong cache, long expected)
    {
        var sample = CpuMemoryCalculator.Sample(Reading(Cpu(1, 1), memory: new Dictionary<string, ulong> { [key] = cache }), previous: null);

        Assert.Equal(expected, sample.MemoryBytes);
    }

    [Fact]
    public void An_empty_reading_of_a_stopped_container_is_not_running()
    {
        Assert.False(CpuMemoryCalculator.IsRunning(new ContainerStatsResponse { CPUStats = new CPUStats { CPUUsage = new CPUUsage() } }));
        Assert.True(CpuMemoryCalculator.IsRunning(Reading(Cpu(1, 1))));
    }
}
