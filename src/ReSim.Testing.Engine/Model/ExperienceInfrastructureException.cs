namespace ReSim.Testing.Engine.Model;

/// <summary>An experience could not be run for a reason outside the system under test: no engine, a missing image.</summary>
/// <remarks>The message says what happened and what to do; it becomes an Error result (<c>ExperienceVerdict.Error</c>).</remarks>
public sealed class ExperienceInfrastructureException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public ExperienceInfrastructureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    public ExperienceInfrastructureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public ExperienceInfrastructureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
