using Xunit;

namespace ReSim.Testing.Reporting;

/// <summary>Reports to xUnit's <see cref="ITestContext"/>: its output helper and its attachments.</summary>
/// <param name="context">The running test's context, captured on the test's own flow.</param>
/// <remarks>
/// Under Microsoft.Testing.Platform every attachment is also named in the output as <c>[[ATTACHMENT|TEST-ID/FILE]]</c>: the
/// file's path relative to the results directory, where the JUnit report (<c>--report-xunit-junit</c>) is written, so GitLab
/// and other JUnit readers find the files from the report's <c>system-out</c>.
/// </remarks>
internal sealed class TestContextReport(ITestContext context) : IExperienceTestReport
{
    private static readonly bool UnderTestingPlatform = Type.GetType("Microsoft.Testing.Platform.Builder.TestApplication, Microsoft.Testing.Platform") is not null;

    /// <inheritdoc />
    public void WriteLine(string line) => context.TestOutputHelper?.WriteLine(line);

    /// <inheritdoc />
    public void ClearEarlierAttachments()
    {
        if (context.Test?.UniqueID is not { } testId)
        {
            return;
        }

        var results = EarlierAttachments.ResultsDirectory(Environment.GetCommandLineArgs(), AppContext.BaseDirectory);
        IReadOnlyList<string> removed;
        try
        {
            removed = EarlierAttachments.Clear(results, testId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"The attachments an earlier run of this test left in {Path.Combine(results, testId)} could not be removed ({e.Message}); files there that this run does not attach are from that run.");
            return;
        }

        if (removed.Count > 0)
        {
            WriteLine($"ReSim: removed {removed.Count} attachment file(s) an earlier run of this test left in {Path.Combine(results, testId)}: {string.Join(", ", removed)}.");
        }
    }

    /// <inheritdoc />
    public void Warn(string message)
    {
        context.AddWarning(message);
        WriteLine($"warning: {message}");
    }

    /// <inheritdoc />
    public void Attach(string name, byte[] content, string mediaType)
    {
        var key = AttachmentNames.Key(name, mediaType);
        context.AddAttachment(key, content, mediaType);
        if (UnderTestingPlatform && context.Test is { } test)
        {
            WriteLine($"[[ATTACHMENT|{test.UniqueID}/{AttachmentNames.HostFileName(key, mediaType)}]]");
        }
    }
}
