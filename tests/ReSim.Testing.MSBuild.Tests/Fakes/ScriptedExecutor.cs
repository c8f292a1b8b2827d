using System.Collections.Concurrent;
using ReSim.Testing.Engine;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Tests.Fakes;

/// <summary>An executor whose outcome for each request a test scripts; it records what it was asked to run.</summary>
internal sealed class ScriptedExecutor(Func<ExperienceRequest, string, IExperienceObserver, CancellationToken, Task<ExperienceOutcome>> script) : IExperienceExecutor
{
    private readonly ConcurrentQueue<(ExperienceRequest Request, string Folder)> runs = new();

    public IReadOnlyList<(ExperienceRequest Request, string Folder)> Runs => [.. runs];

    public Task<ExperienceOutcome> RunAsync(ExperienceRequest request, string resultsDirectory, IExperienceObserver observer, CancellationToken cancellationToken)
    {
        runs.Enqueue((request, resultsDirectory));
        return script(request, resultsDirectory, observer, cancellationToken);
    }
}
