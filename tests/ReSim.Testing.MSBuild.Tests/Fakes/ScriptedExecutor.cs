using System.Collections.Concurrent;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Tests.Fakes;

/// <summary>An executor whose outcome for each experience a test scripts; it records what it was asked to run.</summary>
internal sealed class ScriptedExecutor(Func<ExperienceItem, string, IExperienceObserver, CancellationToken, Task<ExperienceOutcome>> script) : IExperienceExecutor
{
    private readonly ConcurrentQueue<(ExperienceItem Experience, string Folder)> runs = new();

    public IReadOnlyList<(ExperienceItem Experience, string Folder)> Runs => [.. runs];

    public Task<ExperienceOutcome> RunAsync(ExperienceItem experience, string resultsRoot, string resultsDirectory, IExperienceObserver observer, CancellationToken cancellationToken)
    {
        runs.Enqueue((experience, resultsDirectory));
        return script(experience, resultsDirectory, observer, cancellationToken);
    }
}
