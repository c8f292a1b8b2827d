using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Bench;

/// <summary>
/// Where the time of engine runs goes, from their own timelines: before the first container exists (sweep, image check,
/// sandbox, volumes), creating, starting, running, orchestrator exit to verdict, and teardown (stop, drain, remove).
/// </summary>
internal sealed class RunPhases
{
    private static readonly string[] Names = ["setup (sweep, image, sandbox, volumes, create)", "record created", "start containers", "run (orchestrator sleeps 0.2 s)", "exit -> verdict", "teardown (stop, drain, remove)"];

    private readonly ConcurrentBag<TimeSpan[]> runs = [];

    public int Count => runs.Count;

    public void Clear() => runs.Clear();

    /// <summary>An observer for one run that adds its phases here when the run has been removed.</summary>
    /// <param name="began">When the caller asked for the run.</param>
    /// <returns>The observer.</returns>
    public IExperienceObserver Observe(DateTimeOffset began) => new Observer(this, began);

    /// <summary>One table row per phase: median and max over the runs observed.</summary>
    /// <param name="title">What the runs were.</param>
    /// <returns>The table.</returns>
    public string Table(string title)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{title} ({runs.Count} runs):\n| phase | median | max |\n|---|---|---|\n");
        for (var i = 0; i < Names.Length; i++)
        {
            var phase = runs.Select(r => r[i]).ToList();
            text.Append(CultureInfo.InvariantCulture, $"| {Names[i]} | {Statistics.Median(phase).TotalMilliseconds:F0} ms | {phase.Max().TotalMilliseconds:F0} ms |\n");
        }

        return text.ToString();
    }

    private sealed class Observer(RunPhases phases, DateTimeOffset began) : IExperienceObserver
    {
        private DateTimeOffset? firstCreated;
        private DateTimeOffset? lastCreated;
        private DateTimeOffset? lastStarted;
        private DateTimeOffset? orchestratorExit;
        private DateTimeOffset? verdict;

        public void OnLogLine(string service, OutputChannel stream, string text)
        {
        }

        public void OnStateChange(TimelineEntry entry)
        {
            switch (entry.Kind)
            {
                case "created":
                    firstCreated ??= entry.Time;
                    lastCreated = entry.Time;
                    break;
                case "started" when verdict is null:
                    lastStarted = entry.Time;
                    break;
                case "exited" when entry.Service == "orchestrator":
                    orchestratorExit = entry.Time;
                    break;
                case "verdict":
                    verdict = entry.Time;
                    break;
                case "removed" when firstCreated is { } created && lastCreated is { } made && lastStarted is { } started && orchestratorExit is { } exit && verdict is { } decided:
                    phases.runs.Add([created - began, made - created, started - made, exit - started, decided - exit, entry.Time - decided]);
                    break;
            }
        }
    }
}
