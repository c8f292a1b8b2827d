using System.Text.RegularExpressions;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Rules;

namespace ReSim.Testing.Engine.Tests.Reporting;

/// <summary>The experience report of a real run, opened in a real browser: verdict, timeline rows, chart points, logs as text, no console error.</summary>
[RequiresEngine]
public sealed partial class ExperienceReportBrowserTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task The_report_shows_the_verdict_every_service_on_the_timeline_and_charts_and_a_script_tag_in_a_log_as_text()
    {
        var result = await engine.RunAsync(engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                depends_on: { robot: { condition: service_healthy } }
                command: ["sh", "-c", "echo '<script>document.title=\"pwned\"</script>'; echo 'oops <b>bold</b>' >&2; i=0; while [ $$i -lt 1500 ]; do i=$$((i+1)); : ; done; sleep 2; echo report > /tmp/resim/outputs/report.txt"]
              robot:
                image: {{TestEngine.Image}}
                restart: on-failure
                healthcheck: { test: ["CMD", "test", "-f", "/tmp/again"], interval: 200ms, start_period: 0s }
                command: ["sh", "-c", "[ -f /tmp/again ] && exec sleep 30; touch /tmp/again; echo 'first start fails' >&2; exit 3"]
              busy:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "while :; do :; done"]
            """).WithSettings(s => s with { MetricsInterval = TimeSpan.FromMilliseconds(300) }));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal(Path.Combine(result.ResultsDirectory, "report.html"), result.ReportFile);
        var html = await File.ReadAllTextAsync(result.ReportFile!, RealEngine.Token);
        Assert.DoesNotContain("<script>document", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var (dom, console) = await HeadlessChromium.DumpDomAsync(result.ReportFile!, RealEngine.Token);

        Assert.Equal(string.Empty, console);
        Assert.Contains("<title>Passed: ", dom, StringComparison.Ordinal);
        Assert.Matches("<div id=\"verdict\" class=\"verdict passed\"><strong>Passed</strong>", dom);
        foreach (var service in new[] { "test", "robot", "busy" })
        {
            Assert.Contains($"<g class=\"timeline-row\" data-service=\"{service}\">", dom, StringComparison.Ordinal);
            var charts = Section(dom, $"<div class=\"service-charts\" data-service=\"{service}\">", "</div>");
            Assert.True(PointCount().Count(charts) >= 2, $"{service}: {PointCount().Count(charts)} chart points");
        }

        Assert.Contains("data-kind=\"restarted\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"healthy\"", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict-line\"", dom, StringComparison.Ordinal);
        Assert.Contains("<li>&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;</li>", dom, StringComparison.Ordinal);
        Assert.Contains("<li class=\"err\" title=\"stderr\">oops &lt;b&gt;bold&lt;/b&gt;</li>", dom, StringComparison.Ordinal);
        Assert.Contains("=== start 2 (restart: exited with code 3;", dom, StringComparison.Ordinal);
        Assert.Contains("<a href=\"outputs/report.txt\">report.txt</a>", dom, StringComparison.Ordinal);

        var png = Path.Combine(result.ResultsDirectory, "report.png");
        await HeadlessChromium.ScreenshotAsync(result.ReportFile!, png, 1100, 1800, RealEngine.Token);
        TestContext.Current.AddAttachment("report.png", await File.ReadAllBytesAsync(png, RealEngine.Token), "image/png");
        TestContext.Current.AddAttachment("report.html", html);
        KeepForLooking(png);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    // The results folder is removed after the test; a copy of the picture stays in the test results for a person to look at.
    private static void KeepForLooking(string png)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.Copy(png, Path.Combine(folder, "experience-report.png"), overwrite: true);
    }

    private static string Section(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {from}");
        var end = text.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return text[start..end];
    }

    [GeneratedRegex("<circle class=\"point\"")]
    private static partial Regex PointCount();
}
