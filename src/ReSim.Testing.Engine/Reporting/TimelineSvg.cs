using System.Globalization;
using System.Text;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Draws the timeline: one row per service with a bar per start, marks for health, exits, restarts and stops, and the verdict line.</summary>
internal static class TimelineSvg
{
    private const double Left = 150;
    private const double Width = 960;
    private const double Row = 30;
    private const double Top = 24;

    public static string Render(ReportData data)
    {
        var services = data.Result.Services.Select(s => s.Name).ToList();
        var end = data.EndSeconds;
        double X(double seconds) => Left + (seconds / end * (Width - Left - 20));
        var height = Top + (Row * services.Count) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" role=\"img\" aria-label=\"timeline\" viewBox=\"0 0 {Html.N(Width)} {Html.N(height)}\" width=\"{Html.N(Width)}\" height=\"{Html.N(height)}\">");
        Axis(svg, end, X, height - 22);
        for (var i = 0; i < services.Count; i++)
        {
            var y = Top + (i * Row);
            var entries = data.Timeline.Where(e => e.Service == services[i]).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"timeline-row\" data-service=\"{Html.Encode(services[i])}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"8\" y=\"{Html.N(y + 19)}\">{Html.Encode(services[i])}</text>");
            Bars(svg, entries, end, X, y);
            foreach (var entry in entries)
            {
                Mark(svg, entry, X(entry.Elapsed.TotalSeconds), y);
            }

            svg.Append("</g>");
        }

        if (data.Timeline.LastOrDefault(e => e.Kind == "verdict") is { } verdict)
        {
            var x = X(verdict.Elapsed.TotalSeconds);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"verdict-line\"><line x1=\"{Html.N(x)}\" x2=\"{Html.N(x)}\" y1=\"{Html.N(Top - 6)}\" y2=\"{Html.N(height - 22)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Html.N(Math.Min(x + 4, Width - 120))}\" y=\"14\">verdict {Html.Encode(Html.Seconds(verdict.Elapsed.TotalSeconds))}</text><title>{Html.Encode(verdict.ToString())}</title></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Axis(StringBuilder svg, double end, Func<double, double> x, double y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis\"><line x1=\"{Html.N(Left)}\" x2=\"{Html.N(x(end))}\" y1=\"{Html.N(y)}\" y2=\"{Html.N(y)}\"/>");
        for (var tick = 0; tick <= 5; tick++)
        {
            var seconds = end * tick / 5;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Html.N(x(seconds))}\" y=\"{Html.N(y + 16)}\" text-anchor=\"middle\">{Html.Encode(Html.Seconds(seconds))}</text>");
        }

        svg.Append("</g>");
    }

    // A start runs from its "started" to its exit or stop; one still open at the end runs to the end of the axis.
    private static void Bars(StringBuilder svg, List<TimelineEntry> entries, double end, Func<double, double> x, double y)
    {
        double? from = null;
        foreach (var entry in entries)
        {
            if (entry.Kind == "started")
            {
                from = entry.Elapsed.TotalSeconds;
            }
            else if (entry.Kind is "exited" or "stopped" && from is { } start)
            {
                Bar(svg, x(start), x(entry.Elapsed.TotalSeconds), y, entry.Kind == "exited" && entry.Detail != "exit code 0" ? "bar failed" : "bar");
                from = null;
            }
        }

        if (from is { } open)
        {
            Bar(svg, x(open), x(end), y, "bar open");
        }
    }

    private static void Bar(StringBuilder svg, double x1, double x2, double y, string css) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{Html.N(x1)}\" y=\"{Html.N(y + 7)}\" width=\"{Html.N(Math.Max(2, x2 - x1))}\" height=\"16\" rx=\"3\"/>");

    private static void Mark(StringBuilder svg, TimelineEntry entry, double x, double y)
    {
        var title = $"<title>{Html.Encode(entry.ToString())}</title>";
        var cy = Html.N(y + 15);
        var shape = entry.Kind switch
        {
            "created" => $"<line class=\"m-created\" x1=\"{Html.N(x)}\" x2=\"{Html.N(x)}\" y1=\"{Html.N(y + 5)}\" y2=\"{Html.N(y + 25)}\"/>",
            "started" => $"<circle class=\"m-started\" cx=\"{Html.N(x)}\" cy=\"{cy}\" r=\"4\"/>",
            "healthy" => $"<path class=\"m-healthy\" d=\"M{Html.N(x)} {Html.N(y + 4)} l5 8 h-10 z\"/>",
            "unhealthy" => $"<path class=\"m-unhealthy\" d=\"M{Html.N(x)} {Html.N(y + 4)} l5 8 h-10 z\"/>",
            "exited" => $"<circle class=\"m-exited{(entry.Detail == "exit code 0" ? string.Empty : " failed")}\" cx=\"{Html.N(x)}\" cy=\"{cy}\" r=\"5\"/><text class=\"m-code\" x=\"{Html.N(x + 6)}\" y=\"{Html.N(y + 5)}\">{Html.Encode(entry.Detail?.Replace("exit code ", "exit ", StringComparison.Ordinal))}</text>",
            "restarted" => $"<path class=\"m-restarted\" d=\"M{Html.N(x - 5)} {Html.N(y + 27)} h10 l-5 -6 z\"/>",
            "stopped" or "stop-failed" => $"<rect class=\"m-stopped\" x=\"{Html.N(x - 4)}\" y=\"{Html.N(y + 11)}\" width=\"8\" height=\"8\"/>",
            _ => null,
        };
        if (shape is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"mark\" data-kind=\"{Html.Encode(entry.Kind)}\">{shape}{title}</g>");
        }
    }
}
