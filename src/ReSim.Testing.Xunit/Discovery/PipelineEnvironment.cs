using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using ReSim.Testing.Engine.Launch;

namespace ReSim.Testing.Discovery;

/// <summary>
/// What a pipeline sets for every [ComposeExperience] that does not set its own, through environment variables read when
/// the tests are discovered: <c>RESIM_PROFILE</c>, <c>RESIM_ENVIRONMENT</c> and <c>RESIM_TIMEOUT_SECONDS</c> (the
/// MSBuild targets read the same variables).
/// </summary>
/// <param name="Profile">The profile for an attribute with neither <c>Profile</c> nor <c>Profiles</c>.</param>
/// <param name="Environment"><c>KEY=VALUE</c> entries put before every attribute's own, so the attribute's win (R9).</param>
/// <param name="TimeoutSeconds">The timeout for an attribute that does not set <c>TimeoutSeconds</c> (R18).</param>
/// <param name="KeepContainers">Whether every experience keeps its containers after the verdict (<c>RESIM_KEEP_CONTAINERS=1</c>).</param>
internal sealed record PipelineEnvironment(string? Profile, ImmutableArray<string> Environment, int? TimeoutSeconds, bool KeepContainers)
{
    /// <summary>The variable that gives the profile.</summary>
    public const string ProfileVariable = "RESIM_PROFILE";

    /// <summary>The variable that adds experience-level environment variables, <c>NAME=value;NAME=value</c>.</summary>
    public const string EnvironmentVariable = "RESIM_ENVIRONMENT";

    /// <summary>The variable that gives the timeout in seconds.</summary>
    public const string TimeoutVariable = "RESIM_TIMEOUT_SECONDS";

    /// <summary>The variable that keeps every experience's containers after the verdict: <c>1</c> or <c>true</c>.</summary>
    public const string KeepVariable = "RESIM_KEEP_CONTAINERS";

    /// <summary>Reads the variables.</summary>
    /// <param name="lookup">Reads an environment variable.</param>
    /// <param name="problems">Receives a sentence for each invalid value, naming the variable and what to write.</param>
    /// <returns>The settings; an invalid part is left out.</returns>
    public static PipelineEnvironment Read(Func<string, string?> lookup, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(problems);
        var entries = EnvironmentEntries.Split(lookup(EnvironmentVariable));
        var badEntries = new List<string?>();
        EnvironmentEntries.Parse(entries, badEntries);
        foreach (var bad in badEntries)
        {
            problems.Add($"the {EnvironmentVariable} environment variable's entry \"{bad}\" is not KEY=VALUE; set it as NAME=value;OTHER=value.");
        }

        int? timeout = null;
        if (lookup(TimeoutVariable) is { Length: > 0 } timeoutText)
        {
            if (int.TryParse(timeoutText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                timeout = seconds;
            }
            else
            {
                problems.Add($"the {TimeoutVariable} environment variable is \"{timeoutText}\"; set it to a positive whole number of seconds.");
            }
        }

        var keepText = (lookup(KeepVariable) ?? string.Empty).Trim();
        var keep = keepText.ToUpperInvariant() switch
        {
            "" or "0" or "FALSE" => false,
            "1" or "TRUE" => true,
            _ => Invalid(problems, $"the {KeepVariable} environment variable is \"{keepText}\"; set it to 1 to keep the containers, or 0 (or leave it unset) to remove them."),
        };
        var profile = lookup(ProfileVariable);
        return new(string.IsNullOrWhiteSpace(profile) ? null : profile.Trim(), [.. entries.Where(e => EnvironmentEntries.TryParse(e, out _, out _))], timeout, keep);
    }

    private static bool Invalid(ICollection<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }

    /// <summary>Whether the attribute on <paramref name="method"/> sets <paramref name="property"/> itself (a default value cannot tell).</summary>
    /// <param name="method">The test method.</param>
    /// <param name="property">The attribute's property name.</param>
    /// <returns><see langword="true"/> when the attribute names it.</returns>
    public static bool Sets(MethodInfo method, string property) =>
        method.CustomAttributes
            .Where(a => a.AttributeType == typeof(ComposeExperienceAttribute))
            .SelectMany(a => a.NamedArguments)
            .Any(n => string.Equals(n.MemberName, property, StringComparison.Ordinal));
}
