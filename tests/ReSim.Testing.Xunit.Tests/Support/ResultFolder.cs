using System.Collections.Immutable;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>A results folder on disk as the engine leaves it (logs, metrics, timeline, outputs), and results that point at it.</summary>
public sealed class ResultFolder : IDisposable
{
    public ResultFolder()
    {
        Path = Directory.CreateTempSubdirectory("resim-xunit-tests-").FullName;
        Outputs = Directory.CreateDirectory(System.IO.Path.Combine(Path, "outputs")).FullName;
        File.WriteAllText(Log("node"), "node up\nnode listening on 7001\n");
        File.WriteAllText(Log("orchestrator"), "checking\nnode-a answered\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "metrics.jsonl"), "{\"service\":\"node\",\"cpu\":1.5}\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "timeline.jsonl"), "{\"kind\":\"started\"}\n");
    }

    public string Path { get; }

    public string Outputs { get; }

    public string Log(string service) => System.IO.Path.Combine(Path, $"experience-{service}-container.log");

    public ExperienceResult Result(ExperienceVerdict verdict, FailureReason? reason = null) => new()
    {
        RunId = "run-1",
        Verdict = verdict,
        Reason = reason,
        Duration = TimeSpan.FromSeconds(2.5),
        ResultsDirectory = Path,
        OutputsDirectory = Outputs,
        MetricsFile = System.IO.Path.Combine(Path, "metrics.jsonl"),
        TimelineFile = System.IO.Path.Combine(Path, "timeline.jsonl"),
        Services =
        [
            new ServiceResult { Name = "node", LogFile = Log("node"), StoppedAtTeardown = true },
            new ServiceResult { Name = "orchestrator", IsOrchestrator = true, ExitCodes = [verdict == ExperienceVerdict.Passed ? 0 : 3], LogFile = Log("orchestrator") },
        ],
    };

    public static FailureReason OrchestratorExited3 { get; } = new(
        "Orchestrator 'orchestrator' exited with code 3 after 2.1 s.",
        "orchestrator",
        3,
        TimeSpan.FromSeconds(2.1),
        new LogExcerpt(["checking", "node-b did not answer"], [], null));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
