using System.Globalization;
using System.Text.Json;

namespace ReSim.Testing.Configuration;

/// <summary>How many tests xUnit itself starts at once in this test process, which caps how many experiences can run together.</summary>
/// <param name="Cap">The most tests xUnit starts at once; <see langword="null"/> for no cap (the aggressive algorithm, or unlimited threads).</param>
/// <param name="Why">Where the cap comes from, as the test output names it.</param>
/// <remarks>
/// xUnit v3's default, the conservative algorithm, starts at most <c>maxParallelThreads</c> tests (the processor count
/// by default) and waits for one to finish before starting another, however long they await; the aggressive algorithm
/// starts every test whose collection may run and only limits threads, so experiences, which mostly wait, all overlap.
/// Read as xUnit reads it: the command line (<c>--parallel</c>, <c>--max-threads</c>, <c>--parallel-algorithm</c>), then
/// <c>xunit.runner.json</c> (<c>parallelizeTestCollections</c>, <c>maxParallelThreads</c>, <c>parallelAlgorithm</c>), then xUnit's defaults.
/// </remarks>
internal sealed record XunitConcurrency(int? Cap, string Why)
{
    /// <summary>Reads xUnit's settings for this test process and <paramref name="testAssembly"/>.</summary>
    /// <param name="testAssembly">The test assembly, beside which <c>xunit.runner.json</c> is.</param>
    /// <returns>The cap.</returns>
    public static XunitConcurrency For(System.Reflection.Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var folder = Path.GetDirectoryName(testAssembly.Location);
        var json = string.IsNullOrEmpty(folder) ? null : ParallelLimit.RunnerJson(folder, testAssembly.GetName().Name ?? string.Empty);
        return Resolve(Environment.GetCommandLineArgs(), json is null ? null : File.ReadAllText(json), Environment.ProcessorCount);
    }

    /// <summary>Reads xUnit's settings for this process.</summary>
    /// <param name="arguments">The test host's command line.</param>
    /// <param name="runnerJson">The text of the test assembly's <c>xunit.runner.json</c>, or <see langword="null"/>.</param>
    /// <param name="processors">The processor count, xUnit's default thread count.</param>
    /// <returns>The cap.</returns>
    public static XunitConcurrency Resolve(IReadOnlyList<string> arguments, string? runnerJson, int processors)
    {
        using var json = runnerJson is null ? null : TryParse(runnerJson);
        var root = json?.RootElement is { ValueKind: JsonValueKind.Object } r ? r : (JsonElement?)null;
        var parallel = Argument(arguments, "--parallel") ?? Json(root, "parallelizeTestCollections");
        if (parallel is "none" or "false")
        {
            return new(1, "test parallelization is off");
        }

        var algorithm = Argument(arguments, "--parallel-algorithm") ?? Json(root, "parallelAlgorithm") ?? "conservative";
        var threads = Argument(arguments, "--max-threads") ?? Json(root, "maxParallelThreads") ?? "default";
        if (algorithm.Equals("aggressive", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, "the aggressive algorithm");
        }

        return Threads(threads, processors) is { } count
            ? new(count, $"maxParallelThreads {count} with the conservative algorithm")
            : new(null, "unlimited threads");
    }

    private static int? Threads(string value, int processors) => value.ToLowerInvariant() switch
    {
        "unlimited" or "-1" => null,
        "default" or "0" => processors,
        var multiple when multiple.EndsWith('x') && double.TryParse(multiple[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) =>
            Math.Max(1, (int)(factor * processors)),
        var count when int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => processors,
    };

    private static string? Argument(IReadOnlyList<string> arguments, string name)
    {
        for (var i = arguments.Count - 2; i >= 0; i--)
        {
            if (string.Equals(arguments[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return arguments[i + 1];
            }
        }

        return null;
    }

    private static string? Json(JsonElement? root, string key) =>
        root is { } element && element.TryGetProperty(key, out var value) ? value.ToString().ToLowerInvariant() : null;

    // ParallelLimit reports a broken xunit.runner.json; here it only means xUnit's defaults.
    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
