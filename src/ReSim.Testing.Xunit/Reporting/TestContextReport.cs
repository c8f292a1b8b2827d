using Xunit;

namespace ReSim.Testing.Reporting;

/// <summary>Reports to xUnit's <see cref="ITestContext"/>: its output helper and its attachments.</summary>
/// <param name="context">The running test's context, captured on the test's own flow.</param>
internal sealed class TestContextReport(ITestContext context) : IExperienceTestReport
{
    /// <inheritdoc />
    public void WriteLine(string line) => context.TestOutputHelper?.WriteLine(line);

    /// <inheritdoc />
    public void Warn(string message)
    {
        context.AddWarning(message);
        WriteLine($"warning: {message}");
    }

    /// <inheritdoc />
    public void Attach(string name, byte[] content, string mediaType) => context.AddAttachment(name, content, mediaType);
}
