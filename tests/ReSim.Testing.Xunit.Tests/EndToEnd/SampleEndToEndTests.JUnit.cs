using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>xUnit's JUnit report names every attached file by a path relative to the report, under the platform's file names.</summary>
[EndToEnd]
public sealed partial class SampleEndToEndTests
{
    [RequiresEngine]
    [Fact]
    public async Task The_JUnit_report_references_each_attached_file_relative_to_itself_under_the_platform_s_names_R21_R23()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);

        var (exitCode, output, results) = await samples.TestAsync(
            "MultiNode", ["--filter-method", "*Parking", "--report-xunit-junit", "--report-xunit-junit-filename", "experiences.junit.xml"], TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var report = Path.Combine(results, "experiences.junit.xml");
        Assert.True(File.Exists(report), $"no {report}; the results folder has: {string.Join(", ", Directory.GetFiles(results, "*", SearchOption.AllDirectories))}");
        var testCase = Assert.Single(XDocument.Load(report).Descendants("testcase"));
        var referenced = AttachmentReference().Matches((string?)testCase.Element("system-out") ?? string.Empty).Select(m => m.Groups[1].Value).ToList();
        var names = referenced.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["experience-controller-container.log.txt", "experience-orchestrator-container.log.txt", "experience-planner-container.log.txt", "experience-simulator-container.log.txt", "metrics.csv", "outputs_result.json", "report.html", "resource_metrics.resim.jsonl.txt", "timeline.jsonl.txt"],
            names);
        Assert.All(referenced, path =>
        {
            Assert.False(Path.IsPathRooted(path), path);
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(report)!, path)), $"{path} (relative to {report}) does not exist");
        });
        Assert.Contains("\"scenario\":\"parking\"", File.ReadAllText(Path.Combine(Path.GetDirectoryName(report)!, referenced.Single(p => p.EndsWith("outputs_result.json", StringComparison.Ordinal)))));
    }

    [GeneratedRegex(@"^\[\[ATTACHMENT\|(.+?)\]\]\r?$", RegexOptions.Multiline)]
    private static partial Regex AttachmentReference();
}
