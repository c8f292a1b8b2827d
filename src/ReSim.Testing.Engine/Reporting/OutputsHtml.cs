using System.Globalization;
using System.Text;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Lists the outputs folder's files with their sizes, linked relative to the report (R23).</summary>
internal static class OutputsHtml
{
    /// <summary>The most files listed; the rest are counted.</summary>
    public const int MaxFiles = 500;

    public static string Render(string outputsDirectory, string resultsDirectory)
    {
        if (!Directory.Exists(outputsDirectory))
        {
            return "<p>No outputs folder.</p>";
        }

        var files = Directory.EnumerateFiles(outputsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return "<p>The outputs folder is empty.</p>";
        }

        var html = new StringBuilder("<ul class=\"outputs\">");
        foreach (var file in files.Take(MaxFiles))
        {
            var link = string.Join('/', Path.GetRelativePath(resultsDirectory, file).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
            var shown = Path.GetRelativePath(outputsDirectory, file);
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Html.Encode(link)}\">{Html.Encode(shown)}</a> <span class=\"size\">{new FileInfo(file).Length:N0} bytes</span></li>");
        }

        html.Append("</ul>");
        if (files.Count > MaxFiles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">and {files.Count - MaxFiles} more file(s) in {Html.Encode(outputsDirectory)}.</p>");
        }

        return html.ToString();
    }
}
