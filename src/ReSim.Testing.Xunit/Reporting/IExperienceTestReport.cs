namespace ReSim.Testing.Reporting;

/// <summary>Where a [ComposeExperience] test writes its output and attaches files: the test's own result.</summary>
/// <remarks>Implementations must be thread-safe: live container lines arrive from the engine's tasks.</remarks>
internal interface IExperienceTestReport
{
    /// <summary>Writes a line to the test's output.</summary>
    /// <param name="line">The line.</param>
    void WriteLine(string line);

    /// <summary>Adds a warning to the test's result (and its output): something the run could not do completely.</summary>
    /// <param name="message">What is missing, where, and why.</param>
    void Warn(string message);

    /// <summary>Attaches content to the test's result.</summary>
    /// <param name="name">The attachment's name, unique within the test.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="mediaType">The content's media type.</param>
    void Attach(string name, byte[] content, string mediaType);
}
