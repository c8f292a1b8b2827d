using System.Collections.Concurrent;
using System.Text;
using ReSim.Testing.Reporting;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>A test report that keeps every line and attachment, for assertions.</summary>
public sealed class RecordingReport : IExperienceTestReport
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> warnings = new();
    private readonly ConcurrentDictionary<string, (byte[] Content, string MediaType)> attachments = new();

    public IReadOnlyList<string> Lines => lines.ToList();

    public string Output => string.Join("\n", lines);

    public IReadOnlyDictionary<string, (byte[] Content, string MediaType)> Attachments => attachments;

    public IReadOnlyList<string> Warnings => warnings.ToList();

    public void WriteLine(string line) => lines.Enqueue(line);

    public void Warn(string message) => warnings.Enqueue(message);

    public void Attach(string name, byte[] content, string mediaType)
    {
        if (!attachments.TryAdd(name, (content, mediaType)))
        {
            throw new InvalidOperationException($"attachment {name} was added twice");
        }
    }

    public string Text(string attachment) => Encoding.UTF8.GetString(attachments[attachment].Content);
}
