using System.Globalization;
using System.Text;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Writes an index page that lists experiences with their verdicts and links to their reports: one per test run or build.</summary>
/// <remarks>Thread-safe per instance: <see cref="Add"/> rewrites the page with every experience added so far, so it is complete whenever the run stops.</remarks>
public sealed class ReportIndex
{
    private readonly List<Entry> entries = [];
    private readonly object gate = new();

    /// <summary>Creates an index written to <paramref name="path"/>.</summary>
    /// <param name="path">The index page's path; its folder is created when needed.</param>
    /// <param name="title">The page's title, such as the test assembly or the project.</param>
    public ReportIndex(string path, string title)
    {
        Path = path;
        Title = title;
    }

    /// <summary>The index page's path.</summary>
    public string Path { get; }

    /// <summary>The page's title.</summary>
    public string Title { get; }

    /// <summary>Adds an experience and rewrites the page.</summary>
    /// <param name="name">The experience's name, as the test or the item names it.</param>
    /// <param name="verdict">Its verdict.</param>
    /// <param name="reason">Why it did not pass, or <see langword="null"/>.</param>
    /// <param name="duration">How long it ran.</param>
    /// <param name="reportFile">Its report (<see cref="ExperienceResult.ReportFile"/>), or <see langword="null"/> when it has none.</param>
    public void Add(string name, ExperienceVerdict verdict, string? reason, TimeSpan duration, string? reportFile)
    {
        lock (gate)
        {
            entries.Add(new Entry(name, verdict, reason, duration, reportFile));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            File.WriteAllText(Path, Render(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    private string Render()
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode(Title)}</title><style>{ReportAssets.Style}</style></head><body><h1>{Html.Encode(Title)}</h1>");
        var passed = entries.Count(e => e.Verdict == ExperienceVerdict.Passed);
        html.Append(CultureInfo.InvariantCulture, $"<p>{entries.Count} experience(s): {passed} passed, {entries.Count - passed} not.</p>");
        html.Append("<table class=\"index\"><tr><th>experience</th><th>verdict</th><th>duration</th><th>reason</th></tr>");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        foreach (var (name, verdict, reason, duration, reportFile) in entries)
        {
            var link = reportFile is { } report
                ? $"<a href=\"{Html.Encode(string.Join('/', System.IO.Path.GetRelativePath(folder, report).Split(System.IO.Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)))}\">{Html.Encode(name)}</a>"
                : Html.Encode(name);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{verdict.ToString().ToLowerInvariant()}\"><td>{link}</td><td class=\"verdict-cell\">{verdict}</td><td>{Html.Encode(Html.Seconds(duration.TotalSeconds))}</td><td>{Html.Encode(reason)}</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }

    private sealed record Entry(string Name, ExperienceVerdict Verdict, string? Reason, TimeSpan Duration, string? ReportFile);
}
