using System.Collections.Concurrent;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Bench;

/// <summary>ReSim.Testing's engine on one shared Docker runtime, as a test session uses it.</summary>
internal sealed class EngineRunner(string composeFile, DockerRuntime runtime) : IBenchRunner
{
    private readonly ExperienceRunner runner = new(runtime);

    /// <summary>For each run, the time from the orchestrator's exit to the verdict.</summary>
    public ConcurrentBag<TimeSpan> ExitToVerdict { get; } = [];

    /// <summary>Where the time of each run went.</summary>
    public RunPhases Phases { get; } = new();

    public string Name => "ReSim.Testing engine";

    public async Task RunOnceAsync(int iteration, CancellationToken cancellationToken)
    {
        var load = ComposeLoader.LoadFile(composeFile);
        if (load.HasErrors || load.Model is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, load.Errors));
        }

        var observer = new LatencyObserver(Phases.Observe(DateTimeOffset.UtcNow));
        var results = Path.Combine(Path.GetTempPath(), "resim-bench", $"{Environment.ProcessId}-{iteration}-{Guid.NewGuid():N}");
        var result = await runner.RunAsync(new Experience { Compose = load.Model, Settings = new() { ResultsDirectory = results } }, observer, cancellationToken);
        Directory.Delete(results, recursive: true);
        if (result.Verdict != ExperienceVerdict.Passed)
        {
            throw new InvalidOperationException($"the engine's verdict was {result.Verdict}: {result.Reason}");
        }

        if (observer.ExitToVerdict is { } latency)
        {
            ExitToVerdict.Add(latency);
        }
    }

    private sealed class LatencyObserver(IExperienceObserver phases) : IExperienceObserver
    {
        private DateTimeOffset? lastOrchestratorExit;

        public TimeSpan? ExitToVerdict { get; private set; }

        public void OnLogLine(string service, OutputChannel stream, string text)
        {
        }

        public void OnStateChange(TimelineEntry entry)
        {
            phases.OnStateChange(entry);
            if (entry.Kind == "exited" && entry.Service == "orchestrator")
            {
                lastOrchestratorExit = entry.Time;
            }
            else if (entry.Kind == "verdict" && lastOrchestratorExit is { } exit)
            {
                ExitToVerdict = entry.Time - exit;
            }
        }
    }
}
