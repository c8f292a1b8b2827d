namespace ReSim.Testing.Sdk;

/// <summary>The experience ran and did not pass: an orchestrator or a service failed it, or it timed out (R16, R17, R18).</summary>
/// <remarks>The message is the platform's reason (R20): the service, the exit code or timeout, when, and the last lines of its log.</remarks>
public sealed class ExperienceFailedException : Exception, IAssertionException
{
    /// <summary>Creates the exception with no message.</summary>
    public ExperienceFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The reason.</param>
    public ExperienceFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public ExperienceFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
