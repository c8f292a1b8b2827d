using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Renders the self-contained HTML report of one experience: verdict, timeline, CPU and memory charts, logs, outputs.</summary>
/// <remarks>
/// One file with its style, SVG and one small script inline; nothing is loaded from a network or another file, so it
/// opens from a CI artifact or a mail. Everything from containers is HTML-encoded, and a content security policy
/// allows only the report's own script, so a log line cannot run as script.
/// </remarks>
internal static class ExperienceReport
{
    /// <summary>The report's file name in the results folder.</summary>
    public const string FileName = "report.html";

    private static readonly string ScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ReportAssets.Script)));

    public static string Render(ReportData data)
    {
        var result = data.Result;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{ScriptHash}'\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode($"{result.Verdict}: {data.Name}")}</title><style>{ReportAssets.Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Encode(data.Name)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"verdict\" class=\"verdict {result.Verdict.ToString().ToLowerInvariant()}\"><strong>{result.Verdict}</strong> in {Html.Encode(Html.Seconds(result.Duration.TotalSeconds))} (run {Html.Encode(result.RunId)})");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"reason\">{Html.Encode(result.Reason?.Message ?? "Every orchestrator exited with code 0.")}</span></div>");
        Summary(html, result);
        html.Append("<h2>Timeline</h2>").Append(TimelineSvg.Render(data));
        TimelineTable(html, data);
        html.Append("<h2>CPU and memory</h2>");
        var end = data.EndSeconds;
        foreach (var service in result.Services)
        {
            var points = data.Points.Where(p => p.Service == service.Name).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"service-charts\" data-service=\"{Html.Encode(service.Name)}\"><h3>{Html.Encode(service.Name)}: CPU (% of one CPU) and memory</h3>");
            html.Append(ChartSvg.Render("cpu", points, end)).Append(ChartSvg.Render("memory", points, end)).Append("</div>");
        }

        html.Append("<h2>Logs</h2><p><input id=\"search\" type=\"search\" placeholder=\"Search the logs\" aria-label=\"Search the logs\"> <span id=\"search-count\"></span> <span class=\"note\">stderr lines are red and marked !</span></p>");
        foreach (var service in result.Services)
        {
            html.Append(LogHtml.Render(service, data.Logs.GetValueOrDefault(service.Name, [])));
        }

        html.Append("<h2>Outputs</h2>").Append(OutputsHtml.Render(result.OutputsDirectory, result.ResultsDirectory));
        return html.Append(CultureInfo.InvariantCulture, $"<script>{ReportAssets.Script}</script></body></html>").ToString();
    }

    private static void Summary(StringBuilder html, ExperienceResult result)
    {
        html.Append("<table class=\"summary\"><tr><th>service</th><th>role</th><th>exit codes</th><th>restarts</th><th>health</th><th>samples</th><th>peak memory</th><th>mean memory</th><th>mean CPU</th><th>peak CPU</th></tr>");
        foreach (var s in result.Services)
        {
            var r = s.Resources;
            var exits = string.Join(",", s.ExitCodes) + (s.StoppedAtTeardown ? (s.ExitCodes.IsEmpty ? "stopped" : ",stopped") : string.Empty);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Encode(s.Name)}</td><td>{(s.IsOrchestrator ? "orchestrator" : "service")}</td><td>{Html.Encode(exits.Length == 0 ? "-" : exits)}</td><td>{s.Restarts.Length}</td><td>{Html.Encode(s.LastHealth ?? "-")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{r.Samples}</td><td>{(r.Samples == 0 ? "-" : Html.MiB(r.PeakMemoryBytes))}</td><td>{(r.Samples == 0 ? "-" : Html.MiB(r.MeanMemoryBytes))}</td><td>{Html.Percent(r.MeanCpuPercent)}</td><td>{Html.Percent(r.PeakCpuPercent)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void TimelineTable(StringBuilder html, ReportData data)
    {
        html.Append("<details><summary>Every state change</summary><table class=\"changes\"><tr><th>elapsed</th><th>service</th><th>what</th><th>detail</th></tr>");
        foreach (var e in data.Timeline)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Encode(Html.Seconds(e.Elapsed.TotalSeconds))}</td><td>{Html.Encode(e.Service ?? "experience")}</td><td>{Html.Encode(e.Kind)}</td><td>{Html.Encode(e.Detail)}</td></tr>");
        }

        html.Append("</table></details>");
    }
}
