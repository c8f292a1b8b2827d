using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Build.Framework;
using ReSim.Testing.Engine;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Reporting;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild;

/// <summary>
/// Runs each <c>ComposeExperience</c> item as a ReSim experience on the local Docker engine, logs progress and a summary,
/// and fails with <c>RSIM101</c>-<c>RSIM103</c> for every experience that did not pass.
/// </summary>
/// <remarks>
/// Yields the MSBuild node while the experiences run, and tears them down when the build is cancelled (Ctrl+C) or the
/// process gets SIGTERM, SIGQUIT or SIGHUP; either way RSIM105 says so and the build fails.
/// Used by the <c>RunComposeExperiences</c> target.
/// </remarks>
public sealed class RunComposeExperience : Microsoft.Build.Utilities.Task, ICancelableTask, IDisposable
{
    private static readonly TimeSpan SignalReportWait = TimeSpan.FromSeconds(5);
    private readonly IExperienceExecutor executor;
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>Creates the task over the real loader and the Docker engine.</summary>
    public RunComposeExperience()
        : this(new EngineExperienceExecutor())
    {
    }

    /// <summary>Creates the task over <paramref name="executor"/>; tests pass a scripted one.</summary>
    /// <param name="executor">Loads and runs one experience.</param>
    internal RunComposeExperience(IExperienceExecutor executor) => this.executor = executor;

    /// <summary>The <c>ComposeExperience</c> items.</summary>
    [Required]
    public ITaskItem[] Experiences { get; set; } = [];

    /// <summary>The folder that gets one results folder per experience.</summary>
    [Required]
    public string ResultsDirectory { get; set; } = string.Empty;

    /// <summary>How many experiences may run at once.</summary>
    public int MaxParallel { get; set; } = 1;

    /// <summary>The folder relative paths are resolved against; the current folder when empty.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The profile for items without <c>Profile</c> metadata (<c>ComposeExperienceProfile</c>).</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Variables added to every item's environment, <c>NAME=value;NAME=value</c>; an item's own entry wins (<c>ComposeExperienceEnvironment</c>).</summary>
    public string? AdditionalEnvironment { get; set; }

    /// <summary>The timeout in seconds for items without <c>TimeoutSeconds</c> metadata (<c>ComposeExperienceTimeoutSeconds</c>).</summary>
    public string? DefaultTimeoutSeconds { get; set; }

    /// <summary>Whether items without <c>KeepContainers</c> metadata keep their containers after the verdict (<c>ComposeExperienceKeepContainers</c>).</summary>
    public string? KeepContainers { get; set; }

    /// <summary>The names of the experiences to run, <c>;</c>-separated, <c>*</c> as a wildcard; every item when empty (<c>ComposeExperienceNames</c>).</summary>
    public string? Names { get; set; }

    /// <summary>One item per experience: the item's own metadata plus <c>Name</c>, <c>Verdict</c>, <c>Reason</c>, <c>ResultsDirectory</c>, <c>Report</c> (its HTML report) and <c>DurationSeconds</c>.</summary>
    [Output]
    public ITaskItem[] Results { get; private set; } = [];

    /// <summary>The index page that lists every experience of this batch with its verdict and links to its report (<c>index.html</c> in <see cref="ResultsDirectory"/>).</summary>
    [Output]
    public string ReportIndex { get; private set; } = string.Empty;

    /// <summary>Asks the running experiences to stop; they are torn down before <see cref="Execute"/> returns.</summary>
    public void Cancel() => cancellation.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => cancellation.Dispose();

    /// <summary>Runs every experience.</summary>
    /// <returns><see langword="true"/> when every experience passed.</returns>
    public override bool Execute()
    {
        var projectDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
        var defaults = PipelineDefaults.Read(DefaultProfile, AdditionalEnvironment, DefaultTimeoutSeconds, KeepContainers, out var invalid);
        if (defaults is null)
        {
            Log.LogError(null, TaskErrorCodes.InvalidItem, TaskErrorCodes.InvalidItem, null, 0, 0, 0, 0, invalid);
            return false;
        }

        WarnMisnamedSwitches();
        var experiences = new List<(ITaskItem Item, ExperienceItem Experience)>();
        foreach (var item in Experiences)
        {
            var experience = ExperienceItemReader.Read(item, projectDirectory, defaults, out var error);
            if (experience is null)
            {
                Log.LogError(null, TaskErrorCodes.InvalidItem, TaskErrorCodes.InvalidItem, null, 0, 0, 0, 0, error);
            }
            else
            {
                experiences.Add((item, experience));
            }
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        experiences = [.. ExperienceSelection.Select(experiences, e => e.Experience.Name, Names, out var unmatched)];
        if (unmatched is not null)
        {
            Log.LogError(null, TaskErrorCodes.NothingSelected, TaskErrorCodes.NothingSelected, null, 0, 0, 0, 0, unmatched);
            return false;
        }

        if (experiences.Count == 0)
        {
            Log.LogMessage(MessageImportance.High, "ReSim: no ComposeExperience items to run.");
            return true;
        }

        using var signals = ExperienceRunner.ReportSignalEndings(ReportSignal);
        var outcomes = RunWhileYielded([.. experiences.Select(e => e.Experience)]);
        var signal = signals.Signal;

        if (outcomes is null && signal is not null)
        {
            // The signal's report says it on standard error. After any signal but SIGINT it then ends the process with the
            // signal's code; the build is held here meanwhile, so that it cannot finish first and exit 0 or 1 instead.
            signals.WaitUntilReported(SignalReportWait);
            if (signal != "SIGINT")
            {
                Thread.Sleep(SignalReportWait);
            }

            return false;
        }

        if (outcomes is null)
        {
            Log.LogError(null, TaskErrorCodes.Cancelled, TaskErrorCodes.Cancelled, null, 0, 0, 0, 0, "ReSim: the build was cancelled; the running experiences were stopped and removed from the engine.");
            return false;
        }

        Results = [.. outcomes.Value.Select((outcome, i) => OutcomeReporter.Report(Log, line => BuildEngine.LogMessageEvent(LiveMessage.Create(line)), experiences[i].Item, outcome))];
        ReportIndex = BatchIndex.Write(Log, ResultsDirectory, $"ReSim experiences of {Path.GetFileName(projectDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))}", outcomes.Value) ?? string.Empty;
        return !Log.HasLoggedErrors;
    }

    // -p:Profile=hil is silently an unused property in MSBuild: say which switch was meant.
    private void WarnMisnamedSwitches()
    {
        if (BuildEngine is not IBuildEngine6 engine)
        {
            return;
        }

        var switches = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ComposeExperienceProfile"] = DefaultProfile,
            ["ComposeExperienceEnvironment"] = AdditionalEnvironment,
            ["ComposeExperienceTimeoutSeconds"] = DefaultTimeoutSeconds,
            ["ComposeExperienceKeepContainers"] = KeepContainers,
        };
        foreach (var warning in MisnamedSwitches.Find(engine.GetGlobalProperties(), name => !string.IsNullOrWhiteSpace(switches[name])))
        {
            Log.LogWarning(null, TaskErrorCodes.MisnamedSwitch, TaskErrorCodes.MisnamedSwitch, null, 0, 0, 0, 0, warning);
        }
    }

    // On Ctrl+C MSBuild may drop the task's error, and SIGTERM to `dotnet build` ends the process with code 0 and no log
    // output, so a signal's cancellation is written to standard error in MSBuild's own error format.
    private void ReportSignal(string signal)
    {
        var at = string.IsNullOrEmpty(BuildEngine?.ProjectFileOfTaskNode)
            ? "ReSim"
            : string.Create(CultureInfo.InvariantCulture, $"{BuildEngine.ProjectFileOfTaskNode}({BuildEngine.LineNumberOfTaskNode},{BuildEngine.ColumnNumberOfTaskNode})");
        Console.Error.WriteLine($"{at}: error {TaskErrorCodes.Cancelled}: ReSim: the build was stopped by {signal}; the running experiences were stopped and removed from the engine.");
        Console.Error.Flush();
    }

    // Logs progress on this thread while the engine works, with the node yielded so MSBuild can build other projects.
    private ImmutableArray<ExperienceOutcome>? RunWhileYielded(IReadOnlyList<ExperienceItem> experiences)
    {
        var progress = Channel.CreateUnbounded<ProgressLine>(new UnboundedChannelOptions { SingleReader = true });
        (BuildEngine as IBuildEngine3)?.Yield();
        try
        {
            var batch = ExperienceBatch.RunAsync(experiences, ResultsDirectory, MaxParallel, executor, progress.Writer, cancellation.Token);
            Pump(progress.Reader);
            return batch.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Cancelled by MSBuild (Cancel), or by a signal to the process, which ends every live run first.
            return null;
        }
        finally
        {
            (BuildEngine as IBuildEngine3)?.Reacquire();
        }
    }

    // Blocks on purpose: MSBuild's Execute is synchronous, and the lines must be logged on this thread. State changes go
    // out as live messages, so the Terminal Logger shows them as they happen.
    private void Pump(ChannelReader<ProgressLine> lines)
    {
        while (lines.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (lines.TryRead(out var line))
            {
                if (line.Importance == MessageImportance.High)
                {
                    BuildEngine.LogMessageEvent(LiveMessage.Create(line.Text));
                }
                else
                {
                    Log.LogMessage(line.Importance, "{0}", line.Text);
                }
            }
        }
    }
}
