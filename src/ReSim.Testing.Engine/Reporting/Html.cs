using System.Globalization;
using System.Net;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Small helpers for writing HTML and SVG: every text from a container or a file goes through <see cref="Encode"/>.</summary>
internal static class Html
{
    /// <summary>Encodes text for an element or a quoted attribute (<c>&lt; &gt; &amp; " '</c>).</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number for an SVG coordinate: invariant, two decimals.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string MiB(double bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";
}
