using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Bench;

/// <summary>
/// How long <see cref="ComposeLoader.LoadFile"/> takes on large files with anchors, merge keys, <c>extends</c> and
/// interpolation: 200 services (target: median under 50 ms) and 2,000 (under 500 ms). Pure: no Docker.
/// </summary>
internal static class LoaderBenchmark
{
    // Enough loads for the JIT's tiered compilation to settle before timing.
    private const int Warmups = 15;

    private static readonly (int Services, int TargetMs)[] Files = [(200, 50), (2_000, 500)];

    public static void Run(int iterations)
    {
        var folder = Directory.CreateTempSubdirectory("resim-bench-loader-").FullName;
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loader benchmark: {iterations} timed loads per file after {Warmups} warm-ups of each (ComposeLoader.LoadFile)."));
            Console.WriteLine();
            Console.WriteLine("| services | file size | median | min | max | target |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var paths = Files.ToDictionary(f => f.Services, f => Path.Combine(folder, $"compose-{f.Services}.yml"));
            foreach (var (services, _) in Files)
            {
                File.WriteAllText(paths[services], Generate(services));
                Measure(paths[services], services, Warmups);
            }

            foreach (var (services, target) in Files)
            {
                var times = Measure(paths[services], services, iterations);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {services:N0} | {new FileInfo(paths[services]).Length / 1024.0:F0} KiB | {Statistics.Median(times).TotalMilliseconds:F1} ms | {times.Min().TotalMilliseconds:F1} ms | {times.Max().TotalMilliseconds:F1} ms | < {target} ms |"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<TimeSpan> Measure(string path, int services, int iterations)
    {
        var options = new ComposeLoadOptions
        {
            Variables = new Dictionary<string, string> { ["TAG"] = "1.35", ["MODE"] = "bench" },
            System = new SystemResources(1_000_000, long.MaxValue / 2, []),
        };
        var times = new List<TimeSpan>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = ComposeLoader.LoadFile(path, options);
            watch.Stop();
            if (result.HasErrors || result.Model!.Services.Length != services + 1)
            {
                throw new InvalidOperationException($"The generated file does not load cleanly: {string.Join("\n", result.Errors.Take(5))}");
            }

            times.Add(watch.Elapsed);
        }

        return times;
    }

    /// <summary>A file of <paramref name="services"/> services: a shared anchor merged into each, every fifth extends a base, values interpolated.</summary>
    private static string Generate(int services)
    {
        var yaml = new StringBuilder();
        yaml.Append("x-common: &common\n  image: resim-testing/busybox:${TAG:-1.0}\n  restart: \"no\"\n  environment: &env\n    MODE: ${MODE}\n    LEVEL: \"${LEVEL:-info}\"\n  labels:\n    team: sim\n\n");
        yaml.Append("services:\n  orchestrator:\n    <<: *common\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n    command: [\"sh\", \"-c\", \"echo $$HOSTNAME done\"]\n");
        yaml.Append("  base:\n    <<: *common\n    healthcheck: {test: [\"CMD\", \"true\"], interval: 1m30s, retries: 3}\n    deploy: {resources: {limits: {memory: 64m, cpus: \"0.1\"}}}\n");
        for (var i = 1; i < services; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  service-{i}:\n");
            if (i % 5 == 0)
            {
                yaml.Append("    extends: base\n    environment:\n      <<: *env\n");
                yaml.Append(CultureInfo.InvariantCulture, $"      INDEX: \"{i}\"\n");
            }
            else
            {
                yaml.Append("    <<: *common\n");
                yaml.Append(CultureInfo.InvariantCulture, $"    command: [\"sh\", \"-c\", \"echo ${{MODE}}-{i} && sleep 1\"]\n    depends_on: [base]\n");
            }
        }

        return yaml.ToString();
    }
}
