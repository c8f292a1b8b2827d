using System.Text.Json;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Where one run's files are on the host: the results folder and what is in it (R11, R21-R23).</summary>
/// <param name="Results">The run's results folder.</param>
/// <param name="Outputs">The folder mounted at <c>/tmp/resim/outputs</c>, kept after the run.</param>
/// <param name="Inputs">The folder mounted read-only at <c>/tmp/resim/inputs</c>.</param>
/// <param name="TestConfig">The file mounted read-only at <c>/tmp/resim/test_config.json</c>.</param>
/// <param name="Timeline">The timeline of state changes, as JSON lines (R23).</param>
/// <param name="Metrics">The CPU and memory samples, as CSV (R22).</param>
internal sealed record RunPaths(string Results, string Outputs, string Inputs, string TestConfig, string Timeline, string Metrics)
{
    /// <summary>
    /// Where the results folders of runs whose settings name none go, one folder per run: <c>&lt;temp&gt;/resim-testing-&lt;user&gt;</c>.
    /// </summary>
    /// <remarks>
    /// Per user, since on Linux <c>&lt;temp&gt;</c> is <c>/tmp</c>, shared by every user of the machine: a folder made by
    /// one user (root in a CI job, a colleague on a shared host) could not be written by the next.
    /// </remarks>
    public static string DefaultResultsRoot { get; } =
        Path.Combine(Path.GetTempPath(), "resim-testing-" + string.Concat(Environment.UserName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')));

    /// <summary>The folder the mounts are made at inside every container (R11).</summary>
    public const string ContainerRoot = "/tmp/resim";

    /// <summary>The CPU and memory samples as JSON lines, named like the platform's own metrics output (R22).</summary>
    public string ResourceMetrics => Path.Combine(Results, "resource_metrics.resim.jsonl");

    /// <summary>The results folder of a run before its paths are prepared: the settings' own, or one in <see cref="DefaultResultsRoot"/>.</summary>
    /// <param name="settings">The experience's settings.</param>
    /// <param name="runId">The run.</param>
    /// <returns>The folder's path.</returns>
    public static string ResultsOf(ExperienceSettings settings, string runId) => settings.ResultsDirectory ?? Path.Combine(DefaultResultsRoot, runId);

    /// <summary>The outputs folder of the results folder <paramref name="results"/>.</summary>
    /// <param name="results">A run's results folder.</param>
    /// <returns><c>outputs</c> in it.</returns>
    public static string OutputsOf(string results) => Path.Combine(results, "outputs");

    /// <summary>The path of a service's log file (R21).</summary>
    /// <param name="service">The service.</param>
    /// <returns><c>experience-SERVICE-container.log</c> in <see cref="Results"/>.</returns>
    public string LogFile(string service) => Path.Combine(Results, $"experience-{service}-container.log");

    /// <summary>Decides the paths of a run, creates its folders and writes <c>test_config.json</c>; in the default root, first
    /// removes the folders of finished runs that <see cref="ExperienceSettings.ResultsRetention"/> does not keep.</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="runId">The run.</param>
    /// <returns>The paths, every folder existing.</returns>
    /// <exception cref="ExperienceInfrastructureException">The inputs folder does not exist, or is a path never mounted (see <see cref="HostMountGuard"/>).</exception>
    public static RunPaths Prepare(Experience experience, string runId)
    {
        if (experience.Settings.ResultsDirectory is null)
        {
            var retention = (experience.Settings.ResultsRetention ?? ResultsRetention.Default).WithEnvironment(Environment.GetEnvironmentVariable);
            RunFolderPruner.Prune(DefaultResultsRoot, retention, DateTimeOffset.UtcNow);
        }

        var results = Path.GetFullPath(ResultsOf(experience.Settings, runId));
        var mounts = Path.Combine(results, ".resim");
        var inputs = experience.Settings.InputsDirectory is { } given ? Path.GetFullPath(given) : Path.Combine(mounts, "inputs");
        if (experience.Settings.InputsDirectory is not null && !Directory.Exists(inputs))
        {
            throw new ExperienceInfrastructureException(
                $"The experience's inputs folder '{inputs}' does not exist (R11). Create it, or remove the inputs setting (Inputs on [ComposeExperience] or the ComposeExperience item, ExperienceSettings.InputsDirectory in the engine API) for an empty one.");
        }

        if (experience.Settings.InputsDirectory is not null)
        {
            inputs = HostMountGuard.Refusal(inputs, out var resolvedInputs) is { } refusal
                ? throw new ExperienceInfrastructureException($"The experience's inputs folder cannot be mounted: {refusal} (R11). Give it a folder of its own with only the input files.")
                : resolvedInputs;
        }

        var paths = new RunPaths(results, OutputsOf(results), inputs, Path.Combine(mounts, "test_config.json"), Path.Combine(results, "timeline.jsonl"), Path.Combine(results, "metrics.csv"));
        try
        {
            Directory.CreateDirectory(paths.Outputs);
            Directory.CreateDirectory(mounts);
            Directory.CreateDirectory(inputs);
            WriteTestConfig(paths.TestConfig);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ExperienceInfrastructureException(
                $"Cannot write the results folder '{results}': {exception.Message} Check that the folder can be written, or choose another results folder (ComposeExperienceResultsDirectory in MSBuild, ExperienceSettings.ResultsDirectory in the engine API).", exception);
        }

        return paths;
    }

    // Public ReSim examples read experienceLocation; the other keys say where outputs go, as the platform's folders are.
    private static void WriteTestConfig(string path)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("experienceLocation", ContainerRoot + "/inputs");
        writer.WriteString("outputLocation", ContainerRoot + "/outputs");
        writer.WriteEndObject();
    }
}
