using System.Diagnostics;
using System.Globalization;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Bench;

/// <summary>
/// What reading every log line costs (R21): one orchestrator writing <c>N</c> MB of 200-byte lines, run by the engine
/// (log captured to the byte) and as the same container under plain <c>docker run</c> (nothing captured), then read back
/// with <c>docker logs</c>; prints throughputs, the overhead ratio and the runner's peak working set.
/// </summary>
internal static class LogCaptureBench
{
    private const int LineBytes = 200;

    public static async Task RunAsync(IContainerRuntime runtime, string image, int megabytes, CancellationToken cancellationToken)
    {
        var lines = megabytes * 1024L * 1024 / LineBytes;
        var script = $"yes $(printf '%0{LineBytes - 1}d' 0) | head -n {lines}";
        var bytes = lines * LineBytes;
        var peakBefore = PeakWorkingSetMiB();

        var plain = Stopwatch.StartNew();
        var (_, idText) = await Shell.RunAsync("docker", ["run", "-d", image, "sh", "-c", script], cancellationToken).ConfigureAwait(false);
        var id = idText.Trim();
        await Shell.RunCheckedAsync("docker", ["wait", id], cancellationToken).ConfigureAwait(false);
        plain.Stop();
        var dockerLogs = Stopwatch.StartNew();
        await Shell.RunCheckedAsync("sh", ["-c", $"docker logs {id} > /dev/null 2>&1"], cancellationToken).ConfigureAwait(false);
        dockerLogs.Stop();
        await Shell.RunCheckedAsync("docker", ["rm", "-f", id], cancellationToken).ConfigureAwait(false);

        var load = ComposeLoader.LoadString($$"""
            services:
              writer:
                image: {{image}}
                command: ["sh", "-c", "{{script.Replace("$", "$$", StringComparison.Ordinal)}}"]
                labels: { resim.ai/isTestOrchestrator: "true" }
            """);
        var results = Path.Combine(Path.GetTempPath(), "resim-bench", "logs-" + Guid.NewGuid().ToString("N"));
        var captured = Stopwatch.StartNew();
        var result = await new ExperienceRunner(runtime).RunAsync(
            new Experience { Compose = load.Model!, Settings = new() { ResultsDirectory = results, Timeout = TimeSpan.FromMinutes(30) } }, null, cancellationToken).ConfigureAwait(false);
        captured.Stop();
        var file = result.Services.Single().LogFile!;
        var kept = new FileInfo(file).Length - "=== start 1 ===\n".Length;
        Directory.Delete(results, recursive: true);
        if (result.Verdict != ExperienceVerdict.Passed || kept != bytes)
        {
            throw new InvalidOperationException($"the log bench's experience ended {result.Verdict} with {kept} of {bytes} bytes kept: {result.Reason}");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Log capture, {megabytes} MB in {LineBytes}-byte lines (R21, every byte kept: {kept == bytes}):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| run | wall time | MB/s |"));
        Console.WriteLine("|---|---|---|");
        Row("docker run + wait, nothing captured", plain.Elapsed, megabytes);
        Row("engine: experience to verdict + teardown, log captured", captured.Elapsed, megabytes);
        Row("docker logs of the stopped container (read back only)", dockerLogs.Elapsed, megabytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"capture overhead: {captured.Elapsed / plain.Elapsed:F2}x the same container without capture (goal <= 1.2x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runner peak working set: {peakBefore} MiB before, {PeakWorkingSetMiB()} MiB after the {megabytes} MB log"));
    }

    private static void Row(string what, TimeSpan time, int megabytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {time.TotalSeconds:F1} s | {megabytes / time.TotalSeconds:F1} |"));

    private static long PeakWorkingSetMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024 * 1024);
    }
}
