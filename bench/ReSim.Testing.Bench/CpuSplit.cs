using System.Diagnostics;
using System.Globalization;

namespace ReSim.Testing.Bench;

/// <summary>Where a stretch of time's CPU went: this process (the runner) and everything else on the machine (the engine:
/// dockerd, containerd, its shims and runc), from <c>/proc/stat</c>.</summary>
internal sealed class CpuSplit
{
    private readonly TimeSpan runnerBefore = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly (double Busy, double All) machineBefore = Machine();
    private readonly Stopwatch wall = Stopwatch.StartNew();

    public string Report()
    {
        var runner = (Process.GetCurrentProcess().TotalProcessorTime - runnerBefore).TotalSeconds;
        var (busy, all) = Machine();
        var busySeconds = (busy - machineBefore.Busy) / 100;
        var utilisation = (busy - machineBefore.Busy) / (all - machineBefore.All) * 100;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU over {wall.Elapsed.TotalSeconds:F2} s on {Environment.ProcessorCount} cores: machine {utilisation:F0} % busy, {busySeconds:F2} s of CPU; the runner {runner:F2} s, the engine and the rest {busySeconds - runner:F2} s");
    }

    // Jiffies (1/100 s): busy is everything but idle and iowait.
    private static (double Busy, double All) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var all = fields.Take(8).Sum();
        return (all - fields[3] - fields[4], all);
    }
}
