using System.Globalization;
using System.Text;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Reporting;

/// <summary>Attaches what an experience left behind to the test's result: every service log (R21), the metrics (R22), the timeline and the outputs (R23).</summary>
/// <remarks>
/// Outputs are read as regular files inside the outputs folder only (<see cref="OutputFolder"/>): links are not followed,
/// FIFOs, sockets and devices are not opened. Every output left out is named in the test's output with why, and listed
/// in the note <see cref="LeftOutNoteName"/>. Attachment names are unique (ignoring case): an output whose name is
/// taken gets <c>~2</c>, <c>~3</c>... before its extension, and the test's output says so.
/// </remarks>
/// <param name="report">The test's report.</param>
/// <param name="maxOutputBytes">The most bytes of the outputs folder to attach, for one file and for all together.</param>
/// <param name="maxLogBytes">The most bytes of one log to attach; a longer log is attached from its end, with a note at the top.</param>
internal sealed class ResultAttachments(IExperienceTestReport report, long maxOutputBytes, long maxLogBytes)
{
    /// <summary>The name of the note that lists the outputs left out.</summary>
    public const string LeftOutNoteName = "outputs-not-attached.txt";

    /// <summary>The prefix of attached output files; the rest of the name is the path in the outputs folder, separators turned into <c>_</c>.</summary>
    public const string OutputPrefix = "outputs_";

    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attaches everything <paramref name="result"/> points at that exists on disk.</summary>
    /// <param name="result">The experience's result.</param>
    public void AttachAll(ExperienceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var log in result.Services.Select(s => s.LogFile).OfType<string>().Where(File.Exists))
        {
            Attach(Path.GetFileName(log), ReadLog(log), "text/plain");
        }

        foreach (var file in new[] { result.MetricsFile, result.TimelineFile }.OfType<string>().Where(File.Exists))
        {
            Attach(Path.GetFileName(file), File.ReadAllBytes(file), MediaType(file));
        }

        AttachOutputs(result.OutputsDirectory);
    }

    private void AttachOutputs(string outputsDirectory)
    {
        var listing = OutputFolder.List(outputsDirectory, new OutputLimits(maxOutputBytes, maxOutputBytes));
        var leftOut = listing.Skipped.ToList();
        foreach (var file in listing.Files)
        {
            byte[] content;
            try
            {
                content = file.ReadAllBytes();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                leftOut.Add(new SkippedOutput(file.RelativePath, $"cannot be read ({e.Message})"));
                continue;
            }

            var wanted = OutputPrefix + file.RelativePath.Replace('/', '_');
            var name = UniqueName(wanted);
            if (name != wanted)
            {
                report.WriteLine($"ReSim: output '{file.RelativePath}' is attached as {name}, since another output is already attached as {wanted}.");
            }

            Attach(name, content, MediaType(file.RelativePath));
        }

        if (leftOut.Count > 0)
        {
            foreach (var entry in leftOut)
            {
                report.WriteLine($"ReSim warning: output '{entry.RelativePath}' was not attached: {entry.Reason}.");
            }

            var note = string.Create(CultureInfo.InvariantCulture, $"{leftOut.Count} output(s) were not attached. Outputs are attached up to {maxOutputBytes} bytes (ComposeExperienceOptions.MaxAttachedOutputBytes); links, FIFOs, sockets and devices are never read. The outputs are in {outputsDirectory}:")
                + Environment.NewLine + string.Join(Environment.NewLine, leftOut.Select(e => $"  {e.RelativePath}: {e.Reason}"));
            Attach(UniqueName(LeftOutNoteName), Encoding.UTF8.GetBytes(note), "text/plain");
        }
    }

    private string UniqueName(string wanted)
    {
        var name = wanted;
        var extension = Path.GetExtension(wanted);
        for (var n = 2; names.Contains(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{wanted[..^extension.Length]}~{n}{extension}");
        }

        return name;
    }

    private void Attach(string name, byte[] content, string mediaType)
    {
        names.Add(name);
        report.Attach(name, content, mediaType);
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
        ".CSV" => "text/csv",
        ".XML" => "application/xml",
        _ => "application/octet-stream",
    };
}
