using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Execution;

/// <summary>How running a test's experience ended: a passed result for the method body, or the failure to report.</summary>
/// <param name="Result">The result, when the experience ran.</param>
/// <param name="Failure">The failure the test reports, or <see langword="null"/> when the experience passed.</param>
internal sealed record ExperienceTestOutcome(ExperienceResult? Result, Exception? Failure)
{
    /// <summary>A passed experience.</summary>
    /// <param name="result">Its result.</param>
    /// <returns>The outcome.</returns>
    public static ExperienceTestOutcome Passed(ExperienceResult result) => new(result, null);

    /// <summary>A test that fails with <paramref name="failure"/>.</summary>
    /// <param name="failure">The failure.</param>
    /// <param name="result">The result, when the experience ran.</param>
    /// <returns>The outcome.</returns>
    public static ExperienceTestOutcome Failed(Exception failure, ExperienceResult? result = null) => new(result, failure);
}
