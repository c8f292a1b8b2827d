using System.Globalization;
using System.Text;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Writes one service's log: a section per start with its header, stderr lines marked, a bounded tail, and the link to the whole file.</summary>
internal static class LogHtml
{
    public static string Render(ServiceResult service, IReadOnlyList<LogStartRecord> starts)
    {
        var html = new StringBuilder();
        var file = service.LogFile is null ? null : Path.GetFileName(service.LogFile);
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"log\" open data-service=\"{Html.Encode(service.Name)}\"><summary>{Html.Encode(service.Name)}: {starts.Sum(s => s.Lines)} line(s) in {starts.Count} start(s)");
        if (file is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" &middot; <a href=\"{Html.Encode(Uri.EscapeDataString(file))}\">{Html.Encode(file)}</a>");
        }

        html.Append("</summary>");
        foreach (var start in starts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"start\"><h4>=== start {start.Number}{(start.RestartReason is null ? string.Empty : " (restart: " + Html.Encode(start.RestartReason) + ")")} ===</h4>");
            if (start.Lines > start.Tail.Length)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">This start wrote {start.Lines} lines ({start.StderrLines} on stderr); the last {start.Tail.Length} are shown. Every line is in {(file is null ? "the log file" : $"<a href=\"{Html.Encode(Uri.EscapeDataString(file))}\">{Html.Encode(file)}</a>")}.</p>");
            }

            html.Append("<ol class=\"lines\">");
            foreach (var line in start.Tail)
            {
                html.Append(line.Stream == OutputChannel.StdErr ? "<li class=\"err\" title=\"stderr\">" : "<li>").Append(Html.Encode(line.Text)).Append("</li>");
            }

            html.Append("</ol></section>");
        }

        return html.Append("</details>").ToString();
    }
}
