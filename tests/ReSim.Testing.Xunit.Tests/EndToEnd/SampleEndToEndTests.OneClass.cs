using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>The OneClass sample: six experiences in one class run three at a time, as its xunit.runner.json allows.</summary>
public sealed partial class SampleEndToEndTests
{
    private const int OneClassExperiences = 6;
    private const int OneClassLimit = 3;

    [RequiresEngine]
    [Fact]
    public async Task Experiences_of_one_class_run_in_parallel_up_to_the_limit_and_no_further()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);

        var (exitCode, output, results) = await samples.TestAsync("OneClass", [], TestContext.Current.CancellationToken);

        var trx = Trx.Load(results);
        Assert.True(exitCode == 0, output);
        Assert.Equal(OneClassExperiences, trx.Results.Count);
        Assert.All(trx.Results, r => Assert.True(r.Outcome == "Passed", $"{r.TestName}: {r.Outcome}\n{r.Message}\n{r.StdOut}"));
        var runs = trx.Results.Select(r => RunSpan(ResultsFolderPattern().Match(r.StdOut).Groups[1].Value)).ToList();
        Assert.Equal(OneClassLimit, MostAtOnce(runs));
    }

    // Each run from its first timeline entry (its first container created) to its verdict, as the engine recorded them.
    private static (DateTimeOffset Start, DateTimeOffset Verdict) RunSpan(string resultsFolder)
    {
        var entries = File.ReadLines(Path.Combine(resultsFolder, "timeline.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Time: DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture), Kind: e.GetProperty("kind").GetString()))
            .ToList();
        return (entries[0].Time, entries.Single(e => e.Kind == "verdict").Time);
    }

    private static int MostAtOnce(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset Verdict)> runs) =>
        runs.Max(run => runs.Count(other => other.Start <= run.Start && run.Start < other.Verdict));

    [GeneratedRegex(@"Results of run \S+: (.+?)\r?$", RegexOptions.Multiline)]
    private static partial Regex ResultsFolderPattern();
}
