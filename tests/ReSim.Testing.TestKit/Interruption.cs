using System.Diagnostics;
using System.Globalization;

namespace ReSim.Testing.TestKit;

/// <summary>
/// Signals a real front-end process (`dotnet test`, `dotnet build`) while its experience runs, and watches from outside
/// what the engine keeps and when the run's owner process ends.
/// </summary>
public static class Interruption
{
    /// <summary>How long "a few seconds" is: for the run's removal, and for its owner's exit after that.</summary>
    public static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(10);

    /// <summary>The running experience of <paramref name="root"/>: a running <paramref name="service"/> whose owner process descends from it.</summary>
    public static async Task<(string RunId, int Owner)> RunningExperienceAsync(Process root, string service, Func<string> output, CancellationToken cancellationToken)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(180);)
        {
            var lines = await DockerAsync(["ps", "--filter", $"label=ai.resim.testing.service={service}", "--format", "{{.Label \"ai.resim.testing.owner.pid\"}} {{.Label \"ai.resim.testing.run\"}}"], cancellationToken);
            foreach (var parts in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')))
            {
                if (int.TryParse(parts[0], CultureInfo.InvariantCulture, out var owner) && DescendsFrom(owner, root.Id))
                {
                    return (parts[1].Trim(), owner);
                }
            }

            Assert.False(root.HasExited, $"the process ended before its experience ran:\n{output()}");
            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"the experience did not start within 180 s:\n{output()}");
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="target"/> (a negative number: a process group), then watches the run and its owner.</summary>
    public static async Task<Outcome> SignalAndWatchAsync(string signal, int target, string runId, int owner, CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-s", signal, "--", target.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
            Assert.True(kill.ExitCode == 0, $"kill -s {signal} -- {target} failed");
        }

        var clock = Stopwatch.StartNew();
        var ownerEndedFirst = false;
        var left = await ObjectsAsync(runId, cancellationToken);
        while (left.Length > 0 && clock.Elapsed < FewSeconds)
        {
            // Gone before a listing began that still shows objects: the owner ended before the run was removed.
            var ownerWasAlive = IsAlive(owner);
            left = await ObjectsAsync(runId, cancellationToken);
            ownerEndedFirst |= !ownerWasAlive && left.Length > 0;
        }

        var removedAfter = clock.Elapsed;
        while (IsAlive(owner) && clock.Elapsed < removedAfter + FewSeconds)
        {
            await Task.Delay(50, cancellationToken);
        }

        return new Outcome(left, removedAfter, clock.Elapsed, ownerEndedFirst, IsAlive(owner));
    }

    private static Task<string> ObjectsAsync(string runId, CancellationToken cancellationToken) =>
        TestEngine.LabelledAsync("ai.resim.testing.run", runId, cancellationToken);

    private static async Task<string> DockerAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var docker = Process.Start(new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("could not start the docker CLI");
        var output = await docker.StandardOutput.ReadToEndAsync(cancellationToken);
        await docker.WaitForExitAsync(cancellationToken);
        return output;
    }

    private static bool DescendsFrom(int process, int ancestor)
    {
        for (var pid = process; pid > 1; pid = Stat(pid) is { } stat ? int.Parse(stat.Split(' ')[1], CultureInfo.InvariantCulture) : 0)
        {
            if (pid == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAlive(int pid) => Stat(pid) is { } stat && !stat.StartsWith("Z ", StringComparison.Ordinal);

    // /proc/PID/stat after the command name in parentheses: state, parent, ...; null once the process is gone.
    private static string? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>What the watch saw.</summary>
    /// <param name="Left">What the engine still listed of the run at the end of the wait; empty when it was removed.</param>
    /// <param name="RemovedAfter">From the signal to the run's removal (or the end of the wait).</param>
    /// <param name="OwnerGoneAfter">From the signal to the owner's exit (or the end of the wait).</param>
    /// <param name="OwnerEndedFirst">Whether the owner was seen gone while objects of the run were still listed.</param>
    /// <param name="OwnerAlive">Whether the owner still ran at the end.</param>
    public sealed record Outcome(string Left, TimeSpan RemovedAfter, TimeSpan OwnerGoneAfter, bool OwnerEndedFirst, bool OwnerAlive)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture, $"run removed after {RemovedAfter.TotalSeconds:0.00} s, owner gone after {OwnerGoneAfter.TotalSeconds:0.00} s");
    }
}
