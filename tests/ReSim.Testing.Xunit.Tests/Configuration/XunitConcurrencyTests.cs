using ReSim.Testing.Configuration;

namespace ReSim.Testing.Xunit.Tests.Configuration;

/// <summary>xUnit's own cap on tests started at once, and the slot line that tells what really runs together.</summary>
public sealed class XunitConcurrencyTests
{
    [Theory]
    [InlineData(new string[0], null, 2, "maxParallelThreads 2 with the conservative algorithm")]
    [InlineData(new[] { "--max-threads", "8" }, null, 8, "maxParallelThreads 8 with the conservative algorithm")]
    [InlineData(new string[0], """{ "maxParallelThreads": "2x" }""", 4, "maxParallelThreads 4 with the conservative algorithm")]
    [InlineData(new string[0], """{ "parallelizeTestCollections": false }""", 1, "test parallelization is off")]
    [InlineData(new[] { "--parallel", "none" }, """{ "parallelAlgorithm": "aggressive" }""", 1, "test parallelization is off")]
    public void The_conservative_algorithm_caps_at_maxParallelThreads_from_the_command_line_then_xunit_runner_json_then_the_processors(
        string[] arguments, string? json, int cap, string why)
    {
        var concurrency = XunitConcurrency.Resolve(arguments, json, processors: 2);

        Assert.Equal(new XunitConcurrency(cap, why), concurrency);
    }

    [Theory]
    [InlineData(new[] { "--parallel-algorithm", "aggressive" }, null, "the aggressive algorithm")]
    [InlineData(new string[0], """{ "parallelAlgorithm": "aggressive", "maxParallelThreads": 1 }""", "the aggressive algorithm")]
    [InlineData(new string[0], """{ "maxParallelThreads": "unlimited" }""", "unlimited threads")]
    [InlineData(new[] { "--max-threads", "-1" }, """{ "maxParallelThreads": 2 }""", "unlimited threads")]
    public void The_aggressive_algorithm_or_unlimited_threads_put_no_cap_on_tests_that_wait(string[] arguments, string? json, string why)
    {
        Assert.Equal(new XunitConcurrency(null, why), XunitConcurrency.Resolve(arguments, json, processors: 2));
    }

    [Fact]
    public void The_slot_line_says_when_xunit_runs_fewer_than_the_limit_and_how_to_run_them_all()
    {
        var limit = new ParallelLimit(8, "the RESIM_MAX_PARALLEL_EXPERIENCES environment variable");

        Assert.Equal(
            "at most 8 at once, from the RESIM_MAX_PARALLEL_EXPERIENCES environment variable; but xUnit starts at most 2 tests at once here " +
            "(maxParallelThreads 2 with the conservative algorithm), so at most 2 experiences run together. To run 8, set \"parallelAlgorithm\": " +
            "\"aggressive\" in xunit.runner.json or pass --parallel-algorithm aggressive",
            limit.Describe(new XunitConcurrency(2, "maxParallelThreads 2 with the conservative algorithm")));
        Assert.Equal("at most 8 at once, from the RESIM_MAX_PARALLEL_EXPERIENCES environment variable", limit.Describe(new XunitConcurrency(null, "the aggressive algorithm")));
        Assert.Equal("at most 2 at once, from x", new ParallelLimit(2, "x").Describe(new XunitConcurrency(2, "maxParallelThreads 2 with the conservative algorithm")));
    }
}
