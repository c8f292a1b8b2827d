using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Bench;

/// <summary>What sampling costs (R22): a 20-service experience run alternately with metrics (every second) and without.</summary>
/// <remarks>Reports the median wall time to verdict and teardown, and the CPU time this process used per run, for both, as ratios.</remarks>
internal static class SamplingCost
{
    private const int Services = 20;
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(DockerRuntime runtime, int iterations)
    {
        var compose = new StringBuilder("services:\n  orchestrator:\n    image: resim-testing/busybox:1.35\n    labels: { resim.ai/isTestOrchestrator: \"true\" }\n");
        compose.Append(CultureInfo.InvariantCulture, $"    command: [\"sleep\", \"{RunFor.TotalSeconds}\"]\n");
        for (var i = 1; i < Services; i++)
        {
            compose.Append(CultureInfo.InvariantCulture, $"  node{i}:\n    image: resim-testing/busybox:1.35\n    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]\n");
        }

        var load = ComposeLoader.LoadString(compose.ToString(), new ComposeLoadOptions { WorkingDirectory = Path.GetTempPath(), Variables = new Dictionary<string, string>(StringComparer.Ordinal) });
        var model = load.Model ?? throw new InvalidOperationException(string.Join(Environment.NewLine, load.Errors));
        var runner = new ExperienceRunner(runtime);
        var modes = new[] { ("with metrics (1 s)", TimeSpan.FromSeconds(1)), ("without metrics", TimeSpan.Zero) };
        var wall = modes.ToDictionary(m => m.Item1, _ => new List<TimeSpan>());
        var cpu = modes.ToDictionary(m => m.Item1, _ => new List<TimeSpan>());
        var rows = new List<int>();
        Console.WriteLine($"Sampling cost: {Services} services for {RunFor.TotalSeconds:0} s, {iterations} runs each, alternating (one warm-up).");
        for (var i = -1; i < iterations; i++)
        {
            foreach (var (name, interval) in modes)
            {
                var folder = Path.Combine(Path.GetTempPath(), "resim-bench", $"sampling-{Environment.ProcessId}-{Guid.NewGuid():N}");
                using var self = Process.GetCurrentProcess();
                var cpuBefore = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = await runner.RunAsync(new Experience { Compose = model, Settings = new() { ResultsDirectory = folder, MetricsInterval = interval, StopGracePeriod = TimeSpan.FromMilliseconds(500) } });
                watch.Stop();
                self.Refresh();
                if (result.Verdict != ExperienceVerdict.Passed)
                {
                    throw new InvalidOperationException($"the verdict was {result.Verdict}: {result.Reason}");
                }

                if (i >= 0)
                {
                    wall[name].Add(watch.Elapsed);
                    cpu[name].Add(self.TotalProcessorTime - cpuBefore);
                    if (interval > TimeSpan.Zero)
                    {
                        rows.Add(File.ReadAllLines(result.MetricsFile!).Length - 1);
                    }
                }

                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| mode | median wall time | median CPU time of this process |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, _) in modes)
        {
            Console.WriteLine($"| {name} | {Statistics.Median(wall[name]).TotalMilliseconds:F0} ms | {Statistics.Median(cpu[name]).TotalMilliseconds:F0} ms |");
        }

        var (on, off) = (modes[0].Item1, modes[1].Item1);
        Console.WriteLine();
        Console.WriteLine($"with / without metrics: wall time {Statistics.Median(wall[on]) / Statistics.Median(wall[off]):F3}x, CPU time {Statistics.Median(cpu[on]) / Statistics.Median(cpu[off]):F2}x; {rows.Min()}-{rows.Max()} metrics rows per run");
    }
}
