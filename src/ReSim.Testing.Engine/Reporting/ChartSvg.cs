using System.Globalization;
using System.Text;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Draws one service's CPU or memory over the experience's time: a line per start, a point per sample.</summary>
internal static class ChartSvg
{
    private const double Width = 460;
    private const double Height = 150;
    private const double Left = 56;
    private const double Bottom = 22;
    private const double Top = 10;

    /// <summary>Draws a chart.</summary>
    /// <param name="kind"><c>cpu</c> or <c>memory</c>, also the chart's class.</param>
    /// <param name="points">The service's rows.</param>
    /// <param name="end">The seconds the time axis spans.</param>
    /// <returns>The SVG, or a note when there is nothing to draw.</returns>
    public static string Render(string kind, IReadOnlyList<MetricsPoint> points, double end)
    {
        var cpu = kind == "cpu";
        var values = points.Select(p => (Point: p, Value: cpu ? p.CpuPercent : p.MemoryBytes)).Where(v => v.Value is not null).ToList();
        if (values.Count == 0)
        {
            return $"<p class=\"chart-empty\">{(cpu ? "No CPU figure: CPU needs two samples of one start." : "No sample.")}</p>";
        }

        var max = cpu ? Math.Max(100, values.Max(v => v.Value!.Value)) : Math.Max(1024 * 1024, values.Max(v => v.Value!.Value) * 1.1);
        double X(double seconds) => Left + (seconds / end * (Width - Left - 10));
        double Y(double value) => Top + ((1 - (value / max)) * (Height - Top - Bottom));
        string Label(double value) => cpu ? Html.Percent(value) : Html.MiB(value);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart {kind}\" role=\"img\" aria-label=\"{kind}\" viewBox=\"0 0 {Html.N(Width)} {Html.N(Height)}\" width=\"{Html.N(Width)}\" height=\"{Html.N(Height)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis\"><line x1=\"{Html.N(Left)}\" x2=\"{Html.N(Left)}\" y1=\"{Html.N(Top)}\" y2=\"{Html.N(Height - Bottom)}\"/><line x1=\"{Html.N(Left)}\" x2=\"{Html.N(Width - 10)}\" y1=\"{Html.N(Height - Bottom)}\" y2=\"{Html.N(Height - Bottom)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Html.N(Left - 4)}\" y=\"{Html.N(Top + 8)}\" text-anchor=\"end\">{Html.Encode(Label(max))}</text><text x=\"{Html.N(Left - 4)}\" y=\"{Html.N(Height - Bottom)}\" text-anchor=\"end\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Html.N(Left)}\" y=\"{Html.N(Height - 6)}\">0 s</text><text x=\"{Html.N(Width - 10)}\" y=\"{Html.N(Height - 6)}\" text-anchor=\"end\">{Html.Encode(Html.Seconds(end))}</text></g>");
        foreach (var start in values.GroupBy(v => v.Point.Start))
        {
            var line = string.Join(' ', start.Select(v => $"{Html.N(X(v.Point.ElapsedSeconds))},{Html.N(Y(v.Value!.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" points=\"{line}\"/>");
            foreach (var (point, value) in start)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{Html.N(X(point.ElapsedSeconds))}\" cy=\"{Html.N(Y(value!.Value))}\" r=\"2.5\"><title>{Html.Encode($"start {point.Start} at {Html.Seconds(point.ElapsedSeconds)}: {Label(value.Value)}")}</title></circle>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
