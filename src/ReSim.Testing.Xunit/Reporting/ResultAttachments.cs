using System.Globalization;
using System.Text;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Reporting;

/// <summary>Attaches what an experience left behind to the test's result: its HTML report, every service log (R21), the metrics (R22), the timeline and the outputs (R23).</summary>
/// <param name="report">The test's report.</param>
/// <param name="maxOutputBytes">The most bytes of the outputs folder to attach; the rest is listed in a note.</param>
/// <param name="maxLogBytes">The most bytes of one log to attach; a longer log is attached from its end, with a note at the top.</param>
internal sealed class ResultAttachments(IExperienceTestReport report, long maxOutputBytes, long maxLogBytes)
{
    /// <summary>The name of the note that lists the outputs left out.</summary>
    public const string LeftOutNoteName = "outputs-not-attached.txt";

    /// <summary>The prefix of attached output files; the rest of the name is the path in the outputs folder, separators turned into <c>_</c>.</summary>
    public const string OutputPrefix = "outputs_";

    /// <summary>Attaches everything <paramref name="result"/> points at that exists on disk.</summary>
    /// <param name="result">The experience's result.</param>
    public void AttachAll(ExperienceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var log in result.Services.Select(s => s.LogFile).OfType<string>().Where(File.Exists))
        {
            report.Attach(Path.GetFileName(log), ReadLog(log), "text/plain");
        }

        foreach (var file in new[] { result.ReportFile, result.MetricsFile, result.ResourceMetricsFile, result.TimelineFile }.OfType<string>().Where(File.Exists))
        {
            report.Attach(Path.GetFileName(file), File.ReadAllBytes(file), MediaType(file));
        }

        AttachOutputs(result.OutputsDirectory);
    }

    private void AttachOutputs(string outputsDirectory)
    {
        if (!Directory.Exists(outputsDirectory))
        {
            return;
        }

        var leftOut = new List<string>();
        var budget = maxOutputBytes;
        foreach (var file in Directory.EnumerateFiles(outputsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(outputsDirectory, file);
            var size = new FileInfo(file).Length;
            if (size > budget)
            {
                leftOut.Add(string.Create(CultureInfo.InvariantCulture, $"  {relative} ({size} bytes)"));
                continue;
            }

            budget -= size;
            report.Attach(OutputPrefix + relative.Replace(Path.DirectorySeparatorChar, '_').Replace('/', '_'), File.ReadAllBytes(file), MediaType(file));
        }

        if (leftOut.Count > 0)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"{leftOut.Count} output file(s) were not attached: together the outputs exceed the limit of {maxOutputBytes} bytes (ComposeExperienceOptions.MaxAttachedOutputBytes). They are in {outputsDirectory}:")
                + Environment.NewLine + string.Join(Environment.NewLine, leftOut);
            report.WriteLine(note);
            report.Attach(LeftOutNoteName, Encoding.UTF8.GetBytes(note), "text/plain");
        }
    }

    private byte[] ReadLog(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length <= maxLogBytes)
        {
            var all = new byte[stream.Length];
            stream.ReadExactly(all);
            return all;
        }

        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"[ReSim.Testing: this log has {stream.Length} bytes; only its last {maxLogBytes} are attached. The whole log is {path}]{Environment.NewLine}"));
        stream.Seek(-maxLogBytes, SeekOrigin.End);
        var tail = new byte[maxLogBytes];
        stream.ReadExactly(tail);
        return [.. header, .. tail];
    }

    private static string MediaType(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        // xUnit names an attachment's file by its media type's extension; text/plain keeps logs and JSON lines readable (.log.txt, .jsonl.txt).
        ".LOG" or ".TXT" or ".JSONL" or ".NDJSON" => "text/plain",
        ".JSON" => "application/json",
        ".HTML" => "text/html",
        ".CSV" => "text/csv",
        ".XML" => "application/xml",
        _ => "application/octet-stream",
    };
}
