using System.Text;

namespace ReSim.Testing.Reporting;

/// <summary>
/// The names attachments are given so the files the test hosts write have the platform's names: <c>metrics.csv</c>,
/// <c>outputs_result.json</c>, not <c>metrics.csv.csv</c>.
/// </summary>
/// <remarks>
/// Both of xUnit's hosts name an attachment's file after its name plus the extension of its media type: the VSTest adapter
/// (xunit.runner.visualstudio) always appends it, the Microsoft.Testing.Platform bridge only when the name does not already
/// end with it. Attaching <c>metrics.csv</c> as <c>metrics</c> with <c>text/csv</c> gives <c>metrics.csv</c> on both. No media
/// type maps to <c>.log</c> or <c>.jsonl</c>, so logs and the timeline (attached as <c>text/plain</c>) are written as
/// <c>experience-robot-container.log.txt</c> and <c>timeline.jsonl.txt</c> by either host; their attachment names keep the
/// platform's name.
/// </remarks>
internal static class AttachmentNames
{
    // The extensions xUnit's hosts use for the media types ResultAttachments attaches with (xUnit's MediaTypeUtility table).
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = ".txt",
        ["text/csv"] = ".csv",
        ["text/html"] = ".html",
        ["application/json"] = ".json",
        ["application/xml"] = ".xml",
        ["application/octet-stream"] = ".bin",
    };

    /// <summary>The name to attach <paramref name="fileName"/> under: without its extension when the host adds that same extension.</summary>
    /// <param name="fileName">The file's name, such as <c>metrics.csv</c>.</param>
    /// <param name="mediaType">Its media type.</param>
    /// <returns>The attachment's name, such as <c>metrics</c>.</returns>
    public static string Key(string fileName, string mediaType) =>
        string.Equals(Path.GetExtension(fileName), Extension(mediaType), StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(fileName)
            : fileName;

    /// <summary>The file name the Microsoft.Testing.Platform bridge writes for an attachment: invalid characters as <c>_</c>, the media type's extension added unless the name ends with it.</summary>
    /// <param name="key">The attachment's name.</param>
    /// <param name="mediaType">Its media type.</param>
    /// <returns>The file's name in the test's folder under the results directory.</returns>
    public static string HostFileName(string key, string mediaType)
    {
        var name = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            name.Append(c < ' ' || "\"<>|:*?\\/".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var extension = Extension(mediaType);
        return string.Equals(Path.GetExtension(name.ToString()), extension, StringComparison.Ordinal) ? name.ToString() : name + extension;
    }

    private static string Extension(string mediaType) => Extensions.GetValueOrDefault(mediaType, ".bin");
}
