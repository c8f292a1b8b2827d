using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ReSim.Testing.Sdk;

namespace ReSim.Testing.Configuration;

/// <summary>How many experiences may run at once, and where that number came from.</summary>
/// <param name="Count">The limit, at least 1.</param>
/// <param name="Source">Where it came from, as the test output names it.</param>
internal sealed record ParallelLimit(int Count, string Source)
{
    /// <summary>The environment variable that sets the limit.</summary>
    public const string EnvironmentVariable = "RESIM_MAX_PARALLEL_EXPERIENCES";

    /// <summary>The <c>xunit.runner.json</c> key that sets the limit.</summary>
    public const string JsonKey = "resimMaxParallelExperiences";

    /// <summary>Resolves the limit for <paramref name="testAssembly"/>: the environment variable, then <c>xunit.runner.json</c>, then the assembly's <see cref="IExperienceOptions"/>, then what the machine can hold.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ExperienceSetupException">A setting is not a positive whole number.</exception>
    public static ParallelLimit Resolve(Assembly testAssembly, Func<string, string?> environment) =>
        Resolve(
            Path.GetDirectoryName(testAssembly.Location),
            testAssembly.GetName().Name ?? string.Empty,
            AssemblyOptions.Of(testAssembly),
            environment);

    /// <summary>Resolves the limit from its sources, in order: the environment variable, <c>xunit.runner.json</c> in <paramref name="assemblyFolder"/>, <paramref name="options"/>, the machine.</summary>
    /// <param name="assemblyFolder">The test assembly's folder, where <c>xunit.runner.json</c> is; <see langword="null"/> when it has none.</param>
    /// <param name="assemblyName">The test assembly's name (for <c>NAME.xunit.runner.json</c>).</param>
    /// <param name="options">The assembly's options attribute, if any.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ExperienceSetupException">A setting is not a positive whole number.</exception>
    public static ParallelLimit Resolve(string? assemblyFolder, string assemblyName, IExperienceOptions? options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Parse(fromEnvironment, $"the {EnvironmentVariable} environment variable");
        }

        if (!string.IsNullOrEmpty(assemblyFolder) && FromRunnerJson(assemblyFolder, assemblyName) is { } fromJson)
        {
            return fromJson;
        }

        if (options is { MaxParallelExperiences: not 0 })
        {
            return Parse(options.MaxParallelExperiences.ToString(CultureInfo.InvariantCulture), "[assembly: ComposeExperienceOptions(MaxParallelExperiences)]");
        }

        return MachineDefault(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    /// <summary>What a machine can hold: one experience per processor, at most one per GiB of memory.</summary>
    /// <param name="processors">The processor count.</param>
    /// <param name="memoryBytes">The memory available to the process.</param>
    /// <returns>The limit, at least 1.</returns>
    public static ParallelLimit MachineDefault(int processors, long memoryBytes)
    {
        var byMemory = (int)Math.Min(int.MaxValue, memoryBytes / (1L << 30));
        return new(Math.Max(1, Math.Min(processors, byMemory)), $"this machine ({processors} processors, {memoryBytes / (1L << 20)} MiB of memory)");
    }

    /// <summary>The <c>xunit.runner.json</c> xUnit reads for an assembly: <c>NAME.xunit.runner.json</c>, else <c>xunit.runner.json</c>, in its folder.</summary>
    /// <param name="folder">The test assembly's folder.</param>
    /// <param name="assemblyName">The test assembly's name.</param>
    /// <returns>The file's path, or <see langword="null"/> when there is none.</returns>
    public static string? RunnerJson(string folder, string assemblyName) =>
        new[] { $"{assemblyName}.xunit.runner.json", "xunit.runner.json" }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>The test output's words for this limit, and for xUnit's own cap when it is lower.</summary>
    /// <param name="xunit">How many tests xUnit starts at once.</param>
    /// <returns>Such as <c>at most 8 at once, from ...</c>, saying what really runs together and how to change it.</returns>
    public string Describe(XunitConcurrency xunit)
    {
        ArgumentNullException.ThrowIfNull(xunit);
        var text = string.Create(CultureInfo.InvariantCulture, $"at most {Count} at once, from {Source}");
        return xunit.Cap is { } cap && cap < Count
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{text}; but xUnit starts at most {cap} tests at once here ({xunit.Why}), so at most {cap} experiences run together. To run {Count}, set \"parallelAlgorithm\": \"aggressive\" in xunit.runner.json or pass --parallel-algorithm aggressive")
            : text;
    }

    private static ParallelLimit? FromRunnerJson(string folder, string assemblyName)
    {
        if (RunnerJson(folder, assemblyName) is not { } path)
        {
            return null;
        }

        using var document = ParseJson(path);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(JsonKey, out var value)
            ? Parse(value.ToString(), $"\"{JsonKey}\" in {path}")
            : null;
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ExperienceSetupException($"{path} is not valid JSON ({e.Message}); fix it so the experience settings in it can be read.", e);
        }
    }

    private static ParallelLimit Parse(string text, string source) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0
            ? new(count, source)
            : throw new ExperienceSetupException($"{source} is \"{text}\"; set it to a positive whole number of experiences that may run at once.");
}
