using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Reporting;

/// <summary>The messages a [ComposeExperience] test fails with: each says what happened and, when it is not a verdict, what to do.</summary>
internal static class FailureMessages
{
    /// <summary>What to do when the engine or an image is missing.</summary>
    public const string InfrastructureAdvice =
        "This is a problem with the machine or the experience's set-up, not a verdict on the system under test. " +
        "Check that a Docker engine answers (`docker version`, or set DOCKER_HOST) and that every image of the compose file exists locally or can be pulled.";

    /// <summary>The compose file has errors: no container was started (R3).</summary>
    /// <param name="composePath">The compose file.</param>
    /// <param name="errors">The error diagnostics.</param>
    /// <returns>The message, one diagnostic per line with file(line,col).</returns>
    public static string ComposeErrors(string composePath, IReadOnlyCollection<Diagnostic> errors) =>
        string.Create(CultureInfo.InvariantCulture, $"{composePath} has {errors.Count} error(s) the ReSim platform would refuse; no container was started:")
        + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));

    /// <summary>The experience failed or timed out: the platform's reason (R20), where its logs are, and where the rules it cites are described.</summary>
    /// <param name="result">The result.</param>
    /// <param name="rulesDocument">The path of the rules' description (<see cref="RulesDocument"/>), or <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public static string Verdict(ExperienceResult result, string? rulesDocument)
    {
        ArgumentNullException.ThrowIfNull(result);
        var reason = result.Reason?.ToString()
            ?? string.Create(CultureInfo.InvariantCulture, $"The experience ended {result.Verdict} after {result.Duration.TotalSeconds:0.0} s without a recorded reason.");
        return WithRules($"{reason}{Environment.NewLine}Logs, metrics, timeline and outputs: {result.ResultsDirectory}", result.Reason?.Message, rulesDocument);
    }

    /// <summary>The experience could not run (no engine, a missing image): the engine's words and what to do.</summary>
    /// <param name="cause">What the engine said.</param>
    /// <returns>The message.</returns>
    /// <param name="rulesDocument">The path of the rules' description (<see cref="RulesDocument"/>), or <see langword="null"/>.</param>
    public static string Infrastructure(string cause, string? rulesDocument) =>
        WithRules($"The experience could not run: {cause}{Environment.NewLine}{InfrastructureAdvice}", cause, rulesDocument);

    // Only the reason's own words are searched for citations: a log excerpt may say anything.
    private static string WithRules(string message, string? reason, string? rulesDocument) =>
        RulesDocument.Line(reason ?? string.Empty, rulesDocument) is { } line ? message + Environment.NewLine + line : message;
}
