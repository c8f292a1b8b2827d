using System.Diagnostics;
using System.Text;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Processes;

/// <summary>
/// A real runner in a process of its own (tests/tools/ReSim.Testing.ExperienceHost) running one compose file, found on the
/// engine by a label only this test's services carry. Disposing kills it if it still runs and removes its run.
/// </summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    /// <summary>The label every service of a compose file given to <see cref="Start"/> carries; write <c>@MARKER@</c> for its value.</summary>
    public const string MarkerLabel = "resim.testing.tests.marker";

    private readonly StringBuilder output = new();
    private readonly string folder;
    private string? runId;

    private RunnerProcess(Process process, string marker, string folder)
    {
        Process = process;
        Marker = marker;
        this.folder = folder;
    }

    public Process Process { get; }

    public string Marker { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the runner on <paramref name="yaml"/> (with <c>@MARKER@</c> replaced), optionally under a wrapper such as <c>unshare</c>.</summary>
    public static RunnerProcess Start(string yaml, int timeoutSeconds, TimeSpan? orphanGrace = null, string[]? wrapper = null)
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var folder = Directory.CreateTempSubdirectory("resim-runner-").FullName;
        var compose = Path.Combine(folder, "compose.yaml");
        File.WriteAllText(compose, yaml.Replace("@MARKER@", marker, StringComparison.Ordinal));
        var command = (wrapper ?? []).Concat(["dotnet", Path.Combine(AppContext.BaseDirectory, "ReSim.Testing.ExperienceHost.dll"), compose, Seconds(TimeSpan.FromSeconds(timeoutSeconds))])
            .Concat(orphanGrace is { } grace ? [Seconds(grace)] : []).ToList();
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        command.Skip(1).ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {string.Join(' ', command)}");
        var runner = new RunnerProcess(process, marker, folder);
        process.OutputDataReceived += (_, e) => runner.Append(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Waits until <paramref name="service"/> of this runner's run is running and returns the run's ID.</summary>
    public async Task<string> RunIdOnceRunningAsync(string service, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await RunIdAsync(Marker, service) is { } id)
            {
                runId = id;
                return id;
            }

            Assert.False(Process.HasExited, $"the runner exited before '{service}' ran:\n{Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"'{service}' of the runner did not run within {within}:\n{Output}");
    }

    /// <summary>The run whose <paramref name="service"/>, labelled with <paramref name="marker"/>, is running; <see langword="null"/> while none is.</summary>
    public static async Task<string?> RunIdAsync(string marker, string service)
    {
        var (_, ids, _) = await DockerCli.RunAsync(
            "ps", "--filter", $"label={MarkerLabel}={marker}", "--filter", $"label={RunLabels.Service}={service}", "--format", $"{{{{.Label \"{RunLabels.Run}\"}}}}");
        return ids.Trim() is { Length: > 0 } id ? id : null;
    }

    /// <summary>The run's containers that the engine reports running.</summary>
    public static async Task<string[]> RunningAsync(string runId)
    {
        var (_, ids, _) = await DockerCli.RunAsync("ps", "-q", "--filter", $"label={RunLabels.Run}={runId}");
        return ids.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync(CancellationToken.None);
        Process.Dispose();
        if (runId is not null)
        {
            await using var runtime = new DockerRuntime();
            await runtime.ConnectAsync(CancellationToken.None);
            await runtime.RemoveRunAsync(runId, CancellationToken.None);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static string Seconds(TimeSpan time) => ((int)time.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
