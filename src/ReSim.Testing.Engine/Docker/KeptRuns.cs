using System.Diagnostics;
using System.Globalization;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Runs kept after their verdict (<see cref="ExperienceSettings.KeepContainers"/>): alive for debugging until their owner process ends.</summary>
/// <remarks>
/// A kept run's sandbox does not close with its owner's hold (its standard input stays open), so its containers outlive
/// the test process for <c>docker exec</c>. The sandbox then no longer says whether anyone still wants the run, so a kept
/// run is swept once its owner process, on this host, has ended. Its verdict is in: it is a finished run, never a live one.
/// </remarks>
internal static class KeptRuns
{
    /// <summary>Whether the object belongs to a kept run whose owner process on this host has ended.</summary>
    /// <param name="labels">The object's labels.</param>
    /// <returns><see langword="true"/> when the run was kept and its owner is gone.</returns>
    internal static bool OwnerEnded(IDictionary<string, string>? labels) =>
        labels is not null
        && labels.TryGetValue(RunLabels.Kept, out var kept) && kept == "true"
        && labels.TryGetValue(RunLabels.OwnerHost, out var host) && string.Equals(host, Environment.MachineName, StringComparison.Ordinal)
        && labels.TryGetValue(RunLabels.OwnerProcess, out var pidText)
        && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && !IsAlive(pid);

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
