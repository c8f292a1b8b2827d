using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>
/// Runs experiences written as inline compose YAML through <see cref="ExperienceRunner"/> on the real Docker engine, and
/// after each run checks that nothing labelled with its run ID is left (R19). Results folders are removed on dispose.
/// </summary>
/// <remarks>
/// In the tests' compose files, a file one service waits for is written under another name and moved into place, so the
/// reader never sees it half written.
/// </remarks>
public sealed class RealEngine : IAsyncDisposable
{
    public const string Orchestrator = "labels: { resim.ai/isTestOrchestrator: \"true\" }";

    private readonly List<string> folders = [];

    public RealEngine()
        : this(new DockerRuntime())
    {
    }

    /// <summary>Runs on <paramref name="runtime"/>, which this object disposes.</summary>
    public RealEngine(DockerRuntime runtime) => Runtime = runtime;

    public DockerRuntime Runtime { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Loads <paramref name="yaml"/> with the loader (variables from nothing but the text), failing on any error.</summary>
    public static ComposeModel Load(string yaml, string? profile = null, SystemResources? system = null)
    {
        var loaded = ComposeLoader.LoadString(yaml, new ComposeLoadOptions
        {
            Profile = profile,
            WorkingDirectory = Path.GetTempPath(),
            System = system,
            Variables = new Dictionary<string, string>(StringComparer.Ordinal),
        });
        Assert.False(loaded.HasErrors, "the test's compose file does not load: " + string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Model!;
    }

    /// <summary>An experience with short timings fit for tests: 20 s timeout, 300 ms grace period, 1 s metrics.</summary>
    public Experience Experience(string yaml, string? profile = null) => Experience(Load(yaml, profile));

    public Experience Experience(ComposeModel compose) => new()
    {
        Compose = compose,
        Settings = new() { ResultsDirectory = NewFolder(), Timeout = TimeSpan.FromSeconds(20), StopGracePeriod = TimeSpan.FromMilliseconds(300) },
    };

    public string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "resim-testing-tests", Guid.NewGuid().ToString("N"));
        folders.Add(folder);
        return folder;
    }

    public Task<ExperienceResult> RunAsync(string yaml, string? profile = null) => RunAsync(Experience(yaml, profile));

    /// <summary>Runs the experience to its result, then asserts that nothing of the run is left on the engine (R19).</summary>
    public Task<ExperienceResult> RunAsync(Experience experience, IExperienceObserver? observer = null) => RunUntilAsync(experience, observer, Token);

    /// <summary>As <see cref="RunAsync(Engine.Experience, IExperienceObserver?)"/>, cancelled by <paramref name="cancellationToken"/>.</summary>
    public async Task<ExperienceResult> RunUntilAsync(Experience experience, IExperienceObserver? observer, CancellationToken cancellationToken)
    {
        await EnsureEngineAsync();
        var result = await new ExperienceRunner(Runtime).RunAsync(experience, observer, cancellationToken);
        await AssertNothingLeftAsync(result.RunId);
        return result;
    }

    public async Task EnsureEngineAsync()
    {
        try
        {
            EngineReport.Write(await Runtime.ConnectAsync(Token));
        }
        catch (ExperienceInfrastructureException e)
        {
            throw new InvalidOperationException(e.Message + Environment.NewLine + TestEngine.HowToGetOne, e);
        }
    }

    /// <summary>R19: no container (service or sandbox) and no volume carrying the run's label, as the docker CLI sees it.</summary>
    public static Task AssertNothingLeftAsync(string runId) => TestEngine.AssertNothingLeftAsync(runId, Token);

    public static string Log(ExperienceResult result, string service) =>
        File.ReadAllText(Path.Combine(result.ResultsDirectory, $"experience-{service}-container.log"));

    public static ServiceResult Service(ExperienceResult result, string name) => result.Services.Single(s => s.Name == name);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
