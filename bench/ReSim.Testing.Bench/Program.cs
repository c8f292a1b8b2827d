using System.Diagnostics;
using System.Globalization;
using ReSim.Testing.Bench;
using ReSim.Testing.Engine.Docker;

if (args.Contains("--loader"))
{
    LoaderBenchmark.Run(int.Parse(Argument("--iterations") ?? "30", CultureInfo.InvariantCulture));
    return;
}

var composeFile = Path.GetFullPath(Argument("--compose") ?? "bench/experience/compose.yml");
var iterations = int.Parse(Argument("--iterations") ?? "10", CultureInfo.InvariantCulture);
var parallel = int.Parse(Argument("--parallel") ?? "8", CultureInfo.InvariantCulture);
var logMegabytes = int.Parse(Argument("--log-mb") ?? "50", CultureInfo.InvariantCulture);
const string image = "resim-testing/busybox:1.35";
string[] idle = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];

await using var runtime = new DockerRuntime();
await runtime.ConnectAsync(CancellationToken.None);
if (args.Contains("--sampling"))
{
    await SamplingCost.RunAsync(runtime, iterations);
    return;
}

var engine = new EngineRunner(composeFile, runtime);
if (args.Contains("--parallel-only"))
{
    // Where the time of N experiences at once goes: one at a time first, then N together, each with its CPU split.
    await engine.RunOnceAsync(-1, CancellationToken.None);
    var alone = new List<TimeSpan>();
    var aloneCpu = new CpuSplit();
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await engine.RunOnceAsync(i, CancellationToken.None);
        alone.Add(watch.Elapsed);
    }

    Console.WriteLine(engine.Phases.Table("One engine run at a time"));
    Console.WriteLine($"{iterations} runs one after another: " + aloneCpu.Report());
    engine.Phases.Clear();
    var together = new CpuSplit();
    var watchTogether = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(i => engine.RunOnceAsync(1000 + i, CancellationToken.None)));
    var total = watchTogether.Elapsed;
    Console.WriteLine(engine.Phases.Table($"{parallel} engine runs at once"));
    Console.WriteLine($"{parallel} runs at once: " + together.Report());
    Console.WriteLine($"{parallel} experiences in parallel: {total.TotalMilliseconds:F0} ms total vs {Statistics.Median(alone).TotalMilliseconds:F0} ms for one ({total / Statistics.Median(alone):F2}x; target < 3x)");
    return;
}

IBenchRunner[] runners =
[
    engine,
    new ComposeCliRunner(composeFile, "orchestrator"),
    new PlainDockerRunner(image, [idle, idle], ["sh", "-c", "sleep 0.2; exit 0"]),
];

Console.WriteLine($"Benchmark: {composeFile}, {iterations} iterations each, runners alternating (one warm-up each).");
var times = runners.ToDictionary(r => r, _ => new List<TimeSpan>());
foreach (var runner in runners)
{
    await runner.RunOnceAsync(-1, CancellationToken.None);
}

engine.ExitToVerdict.Clear();
for (var i = 0; i < iterations; i++)
{
    foreach (var runner in runners)
    {
        var watch = Stopwatch.StartNew();
        await runner.RunOnceAsync(i, CancellationToken.None);
        times[runner].Add(watch.Elapsed);
    }
}

var floor = Statistics.Median(times[runners[2]]);
var engineMedian = Statistics.Median(times[engine]);
Console.WriteLine();
Console.WriteLine("| runner | median wall time to verdict + teardown | vs plain CLI |");
Console.WriteLine("|---|---|---|");
foreach (var runner in runners)
{
    var median = Statistics.Median(times[runner]);
    Console.WriteLine($"| {runner.Name} | {median.TotalMilliseconds:F0} ms | {median / floor:F2}x |");
}

Console.WriteLine();
Console.WriteLine($"engine vs plain CLI floor: {engineMedian / floor:F2}x (target <= 1.10x)");
Console.WriteLine($"docker-compose vs engine: {Statistics.Median(times[runners[1]]) / engineMedian:F2}x faster (target >= 1.40x)");
if (!engine.ExitToVerdict.IsEmpty)
{
    Console.WriteLine($"orchestrator exit -> verdict: median {Statistics.Median(engine.ExitToVerdict).TotalMilliseconds:F1} ms, max {engine.ExitToVerdict.Max().TotalMilliseconds:F1} ms (target < 100 ms)");
}

Console.WriteLine();
Console.WriteLine(engine.Phases.Table("One engine run at a time"));
engine.Phases.Clear();
var watchParallel = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, parallel).Select(i => engine.RunOnceAsync(1000 + i, CancellationToken.None)));
var parallelTotal = watchParallel.Elapsed;
Console.WriteLine(engine.Phases.Table($"{parallel} engine runs at once"));
Console.WriteLine($"{parallel} experiences in parallel: {parallelTotal.TotalMilliseconds:F0} ms total vs {engineMedian.TotalMilliseconds:F0} ms for one ({parallelTotal / engineMedian:F2}x; target < 3x)");

await LogCaptureBench.RunAsync(runtime, image, logMegabytes, CancellationToken.None);

using var self = Process.GetCurrentProcess();
Console.WriteLine($"runner memory: peak working set {self.PeakWorkingSet64 / (1024 * 1024)} MiB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MiB");

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
