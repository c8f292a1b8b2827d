using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Fixtures;
using ReSim.Testing.Engine.Tests.Scripted;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>One runner test: a scripted runtime, an observer and a results folder removed afterwards.</summary>
public sealed class RunScenario : IAsyncDisposable
{
    public ScriptedRuntime Runtime { get; } = new();

    public RecordingObserver Observer { get; } = new();

    public string ResultsDirectory { get; } = Path.Combine(Path.GetTempPath(), "resim-testing-tests", Guid.NewGuid().ToString("N"));

    public Experience Experience(params ServiceDefinition[] services) => new()
    {
        Compose = Services.ComposeOf(services),
        Settings = new() { ResultsDirectory = ResultsDirectory, Timeout = TimeSpan.FromSeconds(10), StopGracePeriod = TimeSpan.FromMilliseconds(100), MetricsInterval = TimeSpan.FromMilliseconds(25) },
    };

    public Task<ExperienceResult> RunAsync(Experience experience, CancellationToken cancellationToken = default) =>
        new ExperienceRunner(Runtime).RunAsync(experience, Observer, cancellationToken);

    public Task<ExperienceResult> RunAsync(params ServiceDefinition[] services) => RunAsync(Experience(services));

    public string Log(string service) => File.ReadAllText(Path.Combine(ResultsDirectory, $"experience-{service}-container.log"));

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        if (Directory.Exists(ResultsDirectory))
        {
            Directory.Delete(ResultsDirectory, recursive: true);
        }
    }
}
