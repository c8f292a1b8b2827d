using System.Text.RegularExpressions;

namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>
/// A consumer project restores ReSim.Testing.MSBuild and ReSim.Testing.Xunit from freshly packed packages and builds,
/// runs and tests through the real `dotnet` CLI: what a user of the packages sees.
/// </summary>
public sealed partial class PackagedConsumerTests(PackagedConsumer consumer) : IClassFixture<PackagedConsumer>
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    // The floor documented in ReSim.Testing.Xunit's README and set as its dependency (VersionOverride in its project).
    private const string LowestXunitV3 = "4.0.0";

    [Fact]
    public async Task A_build_with_an_invalid_compose_file_fails_with_the_canonical_error_at_its_line_R3()
    {
        // A validated build first, so the failure also shows that switching the item to another file re-validates.
        var valid = await consumer.DotnetAsync(BuildTimeout, "build", "-p:Experience=passing", "-nodeReuse:false", "-tl:off");
        var build = await consumer.DotnetAsync(BuildTimeout, "build", "-p:Experience=invalid", "-nodeReuse:false", "-tl:off");

        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.True(build.ExitCode != 0, build.ToString());
        AssertPrinted(build, CanonicalMissingImageError());
    }

    [Fact]
    public async Task A_build_with_a_valid_compose_file_succeeds_and_a_second_build_skips_validation()
    {
        var first = await consumer.DotnetAsync(BuildTimeout, "build", "-p:Experience=passing", "-nodeReuse:false", "-tl:off");
        var second = await consumer.DotnetAsync(BuildTimeout, "build", "-p:Experience=passing", "-nodeReuse:false", "-tl:off", "-v:d");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.False(DiagnosticLine().IsMatch(first.Output), first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        AssertPrinted(second, SkippedValidation());
    }

    [RequiresEngine]
    [Fact]
    public async Task RunComposeExperiences_passes_for_a_passing_experience_and_leaves_its_logs_R16_R21()
    {
        await DockerPrerequisite.RequireAsync();

        var run = await consumer.DotnetAsync(RunTimeout, "build", "-t:RunComposeExperiences", "-p:Experience=passing", "-nodeReuse:false", "-tl:off");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertPrinted(run, PassedLine());
        var log = Path.Combine(consumer.ConsumerDirectory, "obj", "resim-experiences", "passing-sim", "experience-orchestrator-container.log");
        Assert.True(File.Exists(log), $"{log} is missing. {run}");
        Assert.Contains("hello from the orchestrator", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [RequiresEngine]
    [Fact]
    public async Task RunComposeExperiences_fails_the_build_for_a_failing_experience_naming_it_and_the_reason_R16_R20()
    {
        await DockerPrerequisite.RequireAsync();

        var run = await consumer.DotnetAsync(RunTimeout, "build", "-t:RunComposeExperiences", "-p:Experience=failing", "-nodeReuse:false", "-tl:off");

        Assert.True(run.ExitCode != 0, run.ToString());
        AssertPrinted(run, ExperienceFailedError());
        AssertRulesDocumentOfPackage(run, "resim.testing.msbuild");
    }

    [RequiresEngine]
    [Fact]
    public async Task RunComposeExperiences_keeps_every_line_of_fast_writers_in_the_log_files_R21()
    {
        await DockerPrerequisite.RequireAsync();

        var run = await consumer.DotnetAsync(RunTimeout, "build", "-t:RunComposeExperiences", "-p:Experience=flood", "-nodeReuse:false", "-tl:off");

        Assert.True(run.ExitCode == 0, run.ToString());
        var results = Path.Combine(consumer.ConsumerDirectory, "obj", "resim-experiences", "flood-sim");
        AssertNumberedLog(File.ReadAllLines(Path.Combine(results, "experience-talker-container.log")), 300_000, "talker-last-line");
        AssertNumberedLog(File.ReadAllLines(Path.Combine(results, "experience-orchestrator-container.log")), 200_000, "orchestrator-last-line");
        Assert.DoesNotContain("RSIM110", run.Output, StringComparison.Ordinal);
    }

    [RequiresEngine]
    [Fact]
    public async Task Dotnet_test_runs_the_consumers_ComposeExperience_tests_from_the_packed_package_R16()
    {
        await DockerPrerequisite.RequireAsync();

        // No -nodeReuse:false here: `dotnet test` hands options it does not know to the test application, which then
        // refuses them and runs nothing; MSBUILDDISABLENODEREUSE (set for every child) keeps the nodes from lingering.
        var results = Path.Combine(consumer.ConsumerDirectory, "test-results-" + Guid.NewGuid().ToString("N"));
        var test = await consumer.DotnetAsync(RunTimeout, "test", "-p:Experience=passing", "--results-directory", results);

        Assert.True(test.ExitCode != 0, $"One of the consumer tests fails on purpose. {test}");
        AssertPrinted(test, TestSummary());
        AssertPrinted(test, FailedTestName());
        AssertRulesDocumentOfPackage(test, "resim.testing.xunit");

        // The fast writers' logs as the test result attaches them (R21): every line, in order.
        var attached = Directory.GetFiles(results, "experience-talker-container.log*", SearchOption.AllDirectories);
        AssertNumberedLog(File.ReadAllLines(Assert.Single(attached)), 300_000, "talker-last-line");
    }

    private static void AssertNumberedLog(string[] lines, int count, string last)
    {
        Assert.Equal(count + 2, lines.Length);
        Assert.Equal("=== start 1 ===", lines[0]);
        Assert.Equal(Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines[1..^1]);
        Assert.Equal(last, lines[^1]);
    }

    [RequiresEngine]
    [Fact]
    public async Task Dotnet_test_runs_the_same_tests_against_the_lowest_supported_xunit_v3_without_a_version_warning()
    {
        await DockerPrerequisite.RequireAsync();

        var test = await consumer.DotnetAsync(RunTimeout, "test", "-p:Experience=passing", $"-p:XunitV3Version={LowestXunitV3}");

        Assert.True(test.ExitCode != 0, $"One of the two consumer tests fails on purpose. {test}");
        AssertPrinted(test, TestSummary());
        AssertPrinted(test, FailedTestName());
        Assert.DoesNotContain("NU1608", test.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TypeLoadException", test.Output, StringComparison.Ordinal);
    }

    // The failure's rule citations point at the rules' description inside the restored package, which is there.
    private static void AssertRulesDocumentOfPackage(CliResult result, string package)
    {
        var cited = RulesLine().Match(result.Output);
        Assert.True(cited.Success, $"Expected a line naming the rules' description. {result}");
        var document = cited.Groups["document"].Value;
        Assert.Contains($"/{package}/", document, StringComparison.Ordinal);
        Assert.True(File.Exists(document), $"{document} does not exist");
        Assert.Contains("**R16. Orchestrators decide.**", File.ReadAllText(document), StringComparison.Ordinal);
    }

    private static void AssertPrinted(CliResult result, Regex expected) =>
        Assert.True(expected.IsMatch(result.Output), $"Expected output matching /{expected}/. {result}");

    [GeneratedRegex(@"experiences/invalid\.yml\(7,\d+\): error RSIM034: .*robot", RegexOptions.None, 1000)]
    private static partial Regex CanonicalMissingImageError();

    [GeneratedRegex(@"experiences/failing\.yml : error RSIM101: Experience 'failing-sim' failed: .*orchestrator", RegexOptions.None, 1000)]
    private static partial Regex ExperienceFailedError();

    [GeneratedRegex(@"Rules R16(?:, R\d+)*: (?<document>/\S+/docs/rules\.md)", RegexOptions.None, 1000)]
    private static partial Regex RulesLine();

    [GeneratedRegex(@"Skipping target ""ValidateComposeExperiences"" because all output files are up-to-date", RegexOptions.None, 1000)]
    private static partial Regex SkippedValidation();

    [GeneratedRegex(@"\[passing-sim\] passed in", RegexOptions.None, 1000)]
    private static partial Regex PassedLine();

    [GeneratedRegex(@"failed:\s*1\s+succeeded:\s*2", RegexOptions.None, 1000)]
    private static partial Regex TestSummary();

    [GeneratedRegex(@"Failing_experience_fails", RegexOptions.None, 1000)]
    private static partial Regex FailedTestName();

    [GeneratedRegex(@": (error|warning) [A-Z]+\d+:", RegexOptions.None, 1000)]
    private static partial Regex DiagnosticLine();
}
