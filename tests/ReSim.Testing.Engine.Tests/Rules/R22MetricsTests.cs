using System.Globalization;
using System.Text.Json;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R22 on the real engine: every container that ran has samples, CPU and memory read what the kernel gave it.</summary>
[RequiresEngine]
public sealed class R22MetricsTests : IAsyncDisposable
{
    private const long SixtyMiB = 60L * 1024 * 1024;
    private readonly RealEngine engine = new();

    [Fact]
    public async Task An_orchestrator_that_runs_for_300_ms_has_a_sample_soon_after_its_start_R22()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "0.3"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var test = RealEngine.Service(result, "test");
        Assert.True(test.Resources.Samples >= 1, $"{test.Resources.Samples} samples");
        Assert.Equal(test.Resources.Samples, test.ResourcesPerStart.Single().Samples);
        var created = TimelineTime(result, "test", "created");
        var started = TimelineTime(result, "test", "started");
        var firstSample = File.ReadLines(result.ResourceMetricsFile!).Select(l => JsonDocument.Parse(l).RootElement).First().GetProperty("time").GetDateTimeOffset();
        Assert.True(firstSample > created, $"first sample at {firstSample:O}, container created at {created:O}");
        Assert.True(firstSample - started <= TimeSpan.FromMilliseconds(100), $"first sample {(firstSample - started).TotalMilliseconds:0} ms after the engine's start event");
    }

    [Fact]
    public async Task A_busy_loop_reads_what_the_kernel_gave_it_which_on_a_quiet_machine_is_a_whole_CPU_R22()
    {
        // The loop measures itself with busybox's `time` (user + sys over real, 10 ms resolution): on a quiet machine that
        // is ~100 % of one CPU, on a shared CI machine whatever the scheduler left it. The mean must match it within 10 %.
        var result = await engine.RunAsync(engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "time timeout 3 sh -c 'while :; do :; done'; exit 0"]
            """).WithSettings(s => s with { MetricsInterval = TimeSpan.FromMilliseconds(500) }));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var busy = RealEngine.Service(result, "test").Resources;
        var log = await File.ReadAllTextAsync(RealEngine.Service(result, "test").LogFile!, RealEngine.Token);
        var kernel = (Seconds(log, "user") + Seconds(log, "sys")) / Seconds(log, "real") * 100;
        Assert.True(busy.Samples >= 6, $"{busy.Samples} samples in 3 s at 500 ms");
        Assert.True(busy.MeanCpuPercent >= kernel * 0.9 && busy.MeanCpuPercent <= kernel * 1.1, $"mean CPU {busy.MeanCpuPercent:0.0} %; the loop itself measured {kernel:0.0} %");
        Assert.True(busy.PeakCpuPercent <= 110, $"peak CPU {busy.PeakCpuPercent:0.0} % for one single-threaded loop");
    }

    [Fact]
    public async Task A_service_holding_60_MiB_reads_within_10_percent_of_it_R22()
    {
        // /dev/shm is a tmpfs charged to the container's memory and not reclaimable as file cache. It is 64 MB on Docker and
        // on Podman, and Podman's has a little less free, so the service holds 60 MiB.
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "2.5"]
              holder:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "dd if=/dev/zero of=/dev/shm/hold bs=1M count=60 && sleep 30"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var holder = RealEngine.Service(result, "holder").Resources;
        Assert.InRange(holder.PeakMemoryBytes, SixtyMiB * 0.9, SixtyMiB * 1.1);
        var rows = File.ReadAllLines(result.MetricsFile!).Skip(1).Select(r => r.Split(',')).Where(r => r[2] == "holder").ToList();
        Assert.Equal(holder.Samples, rows.Count);
        Assert.Equal(holder.PeakMemoryBytes, rows.Max(r => long.Parse(r[6], CultureInfo.InvariantCulture)));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    // busybox prints "real\t0m 3.01s".
    private static double Seconds(string log, string field)
    {
        var line = log.Split('\n').Single(l => l.StartsWith(field + "\t", StringComparison.Ordinal)).Split('\t')[1].Trim();
        var minutes = line.Split('m')[0];
        var seconds = line.Split(' ')[1].TrimEnd('s');
        return (double.Parse(minutes, CultureInfo.InvariantCulture) * 60) + double.Parse(seconds, CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset TimelineTime(ExperienceResult result, string service, string kind) => File.ReadLines(result.TimelineFile!)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .First(e => e.GetProperty("service").GetString() == service && e.GetProperty("kind").GetString() == kind)
        .GetProperty("time").GetDateTimeOffset();
}
