using Xunit;

namespace ReSim.Testing.Reporting;

/// <summary>Reports to xUnit's <see cref="ITestContext"/>: its output helper and its attachments.</summary>
/// <param name="context">The running test's context, captured on the test's own flow.</param>
internal sealed class TestContextReport(ITestContext context) : IExperienceTestReport
{
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
    public void Attach(string name, byte[] content, string mediaType) => context.AddAttachment(name, content, mediaType);
}
