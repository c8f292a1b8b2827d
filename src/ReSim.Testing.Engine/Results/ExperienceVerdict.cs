namespace ReSim.Testing.Engine.Results;

/// <summary>How an experience ended.</summary>
public enum ExperienceVerdict
{
    /// <summary>Every orchestrator exited 0 (R16).</summary>
    Passed,

    /// <summary>An orchestrator, or a service not covered by a restart policy, exited non-zero (R16, R17).</summary>
    Failed,

    /// <summary>The timeout passed before the experience passed (R18).</summary>
    TimedOut,

    /// <summary>The experience could not be run: no engine, a missing image, invalid compose file (infrastructure, not a verdict of the system under test).</summary>
    Error,
}
