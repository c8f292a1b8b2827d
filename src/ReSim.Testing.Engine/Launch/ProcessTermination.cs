using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ReSim.Testing.Engine.Launch;

/// <summary>Ends every live run of the process, torn down, before the process ends: on SIGINT, SIGTERM, SIGQUIT, SIGHUP or a normal exit.</summary>
/// <remarks>
/// <para>Test hosts and build tools end in their own ways when told to stop: Microsoft.Testing.Platform cancels its session
/// and returns from <c>Main</c> without waiting for test bodies, <c>dotnet</c> forwards or drops the signal, and the
/// runtime's default for SIGINT ends the process at once. So each handler here cancels every live run and blocks until
/// each has torn down (SIGTERM, SIGKILL after the grace period, logs read, objects removed) or <see cref="TeardownWait"/>
/// has passed. If runs were ended, the signal's own action is held back so the front end can report the cancellation
/// and end by itself (the test fails); a process that has not ended 5 s later exits with 128 + the signal's number. A front
/// end whose host would not show its report registers one (<see cref="ReportSignals"/>; the MSBuild task prints RSIM105). A run started while the process is ending is cancelled at once. Should the process die anyway (SIGKILL), the sandbox holds end the runs within a second.</para>
/// <para>A signal to <c>dotnet test</c> alone ends <c>dotnet</c> but not the test host it started, which would run its
/// experiences to their end. So, on Linux, the parent process is watched too: when it is gone (this process
/// is handed to another parent), the live runs are ended the same way, and later ones at once. MSBuild's worker nodes,
/// which outlive their parent by design, are not watched.</para>
/// </remarks>
internal static class ProcessTermination
{
    /// <summary>The longest a signal or the exit waits for the live runs' teardown: their stop and removal bounds, with room.</summary>
    internal static readonly TimeSpan TeardownWait = TimeSpan.FromSeconds(60);

    private static readonly CancellationTokenSource Ending = new();
    private static readonly ConcurrentDictionary<Task, byte> Live = new();
    private static readonly ConcurrentDictionary<SignalReport, byte> Reporters = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static readonly TimeSpan FrontEndGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ParentCheck = TimeSpan.FromMilliseconds(250);
    private static int installed;
    private static Timer? parentWatch;

    /// <summary>Runs <paramref name="run"/> as a live run: cancelled, and waited for, when the process is told to end.</summary>
    /// <typeparam name="T">The run's result.</typeparam>
    /// <param name="run">Starts the run with the token to honour.</param>
    /// <param name="cancellationToken">The caller's own cancellation.</param>
    /// <returns>The run's result.</returns>
    internal static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        Install();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Ending.Token);
        var task = run(linked.Token);
        Live.TryAdd(task, 0);
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            Live.TryRemove(task, out _);
        }
    }

    /// <summary>Registers a front end's report of runs a signal ended, for a host that would end without reporting them.</summary>
    /// <param name="report">Told the signal's name once the runs it ended are torn down.</param>
    /// <returns>The registration: says when such a signal has come; unregisters the report when disposed.</returns>
    /// <remarks>
    /// While one is registered, SIGINT, SIGTERM, SIGQUIT or SIGHUP ends every live run and calls every report: MSBuild,
    /// cancelling, may drop what the task logs. After SIGTERM, SIGQUIT or SIGHUP the process then ends with 128 + the
    /// signal's number, since its host (the <c>dotnet</c> CLI running MSBuild) would otherwise end it with code 0; after
    /// SIGINT the host ends the build itself, failed.
    /// </remarks>
    internal static SignalReport ReportSignals(Action<string> report)
    {
        Install();
        var registration = new SignalReport(report, r => Reporters.TryRemove(r, out _));
        Reporters[registration] = 0;
        return registration;
    }

    private static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => EndLiveRuns();
        // A reused MSBuild node outlives the build that started it by design: its new parent is no sign to stop.
        if (OperatingSystem.IsLinux() && !Environment.GetCommandLineArgs().Any(a => a.Contains("nodemode:", StringComparison.OrdinalIgnoreCase)))
        {
            var parent = ParentProcessId();
            parentWatch = new Timer(_ => EndIfOrphaned(parent), null, ParentCheck, ParentCheck);
        }

        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGQUIT, 3), (PosixSignal.SIGHUP, 1) })
        {
            try
            {
                Registrations.Add(PosixSignalRegistration.Create(signal, context => OnSignal(context, number)));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal cannot send it either.
            }
        }
    }

    // With runs ended, the front end is given the chance to finish by itself (report the cancellation, fail the build or
    // the test, exit non-zero); if it has not within FrontEndGrace, the process exits as the signal would have ended it.
    private static void OnSignal(PosixSignalContext context, int number)
    {
        var reports = Reporters.Keys.ToArray();
        foreach (var report in reports)
        {
            report.Signal = context.Signal.ToString();
        }

        var ended = EndLiveRuns();
        foreach (var report in reports)
        {
            report.Finish();
        }

        if (reports.Length > 0 && context.Signal != PosixSignal.SIGINT)
        {
            Environment.Exit(128 + number);
        }

        if (ended == 0)
        {
            return;
        }

        context.Cancel = true;
        // A host that exits on its own after the signal (System.CommandLine does, after its own grace) still exits non-zero.
        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = 128 + number;
        }

        _ = Task.Delay(FrontEndGrace).ContinueWith(_ => Environment.Exit(128 + number), TaskScheduler.Default);
    }

    private static void EndIfOrphaned(int parent)
    {
        if (ParentProcessId() != parent)
        {
            parentWatch?.Dispose();
            EndLiveRuns();
        }
    }

    // The fourth field of /proc/self/stat, after the command name in parentheses (which may itself hold spaces and parentheses).
    private static int ParentProcessId()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int EndLiveRuns()
    {
        Ending.Cancel();
        var live = Live.Keys.ToArray();
        try
        {
            Task.WaitAll(live, TeardownWait);
        }
        catch (AggregateException)
        {
            // Cancelled runs end in OperationCanceledException after their teardown; that is the wait's normal end.
        }

        return live.Length;
    }
}
