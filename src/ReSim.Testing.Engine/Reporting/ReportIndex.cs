using System.Globalization;
using System.Text;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Writes an index page that lists experiences with their verdicts and links to their reports: one per test run or build.</summary>
/// <remarks>Thread-safe per instance: <see cref="Add"/> rewrites the page with every experience added so far, so it is complete whenever the run stops.</remarks>
public sealed class ReportIndex
{
    private readonly List<(string Name, ExperienceResult Result)> entries = [];
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
    /// <param name="result">Its result; the link goes to <see cref="ExperienceResult.ReportFile"/>.</param>
    public void Add(string name, ExperienceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            entries.Add((name, result));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            File.WriteAllText(Path, Render(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    private string Render()
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode(Title)}</title><style>{ReportAssets.Style}</style></head><body><h1>{Html.Encode(Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{entries.Count} experience(s): {entries.Count(e => e.Result.Passed)} passed, {entries.Count(e => !e.Result.Passed)} not.</p>");
        html.Append("<table class=\"index\"><tr><th>experience</th><th>verdict</th><th>duration</th><th>reason</th></tr>");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        foreach (var (name, result) in entries)
        {
            var link = result.ReportFile is { } report
                ? $"<a href=\"{Html.Encode(string.Join('/', System.IO.Path.GetRelativePath(folder, report).Split(System.IO.Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)))}\">{Html.Encode(name)}</a>"
                : Html.Encode(name);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{result.Verdict.ToString().ToLowerInvariant()}\"><td>{link}</td><td class=\"verdict-cell\">{result.Verdict}</td><td>{Html.Encode(Html.Seconds(result.Duration.TotalSeconds))}</td><td>{Html.Encode(result.Reason?.Message)}</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }
}
