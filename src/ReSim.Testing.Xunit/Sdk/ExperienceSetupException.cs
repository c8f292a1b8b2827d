namespace ReSim.Testing.Sdk;

/// <summary>An experience could not be run: its compose file has errors, a path does not exist, or no engine or image is there.</summary>
/// <remarks>Never a verdict on the system under test: the message says what is wrong and what to do.</remarks>
public sealed class ExperienceSetupException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public ExperienceSetupException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public ExperienceSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public ExperienceSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
