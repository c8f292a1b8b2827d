using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Plays the engine from a script: it sends the given lines to the observer, then returns the given result (or throws).</summary>
public sealed class ScriptedEngine
{
    private readonly Func<Experience, ExperienceResult> result;
    private readonly (string Service, string Line)[] lines;

    public ScriptedEngine(Func<Experience, ExperienceResult> result, params (string Service, string Line)[] lines)
    {
        this.result = result;
        this.lines = lines;
    }

    public List<Experience> Runs { get; } = [];

    public Func<CancellationToken, Task>? WhileRunning { get; init; }

    public async Task<ExperienceResult> RunAsync(LoadedExperience loaded, IExperienceObserver? observer, CancellationToken cancellationToken)
    {
        var experience = loaded.Experience ?? throw new InvalidOperationException("the front end ran an experience whose compose file has errors (R3).");
        lock (Runs)
        {
            Runs.Add(experience);
        }

        foreach (var (service, line) in lines)
        {
            observer?.OnLogLine(service, OutputChannel.StdOut, line);
        }

        if (WhileRunning is not null)
        {
            await WhileRunning(cancellationToken);
        }

        return result(experience);
    }
}
