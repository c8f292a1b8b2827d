using System.Collections.Immutable;
using System.Globalization;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>
/// What a build pipeline sets on the command line for every <c>ComposeExperience</c> item that does not set its own:
/// <c>-p:ComposeExperienceProfile=hil</c>, <c>-p:ComposeExperienceEnvironment=SEED=7</c>,
/// <c>-p:ComposeExperienceTimeoutSeconds=900</c>.
/// </summary>
/// <param name="Profile">The profile for items without <c>Profile</c>; <see langword="null"/> for none.</param>
/// <param name="Environment">Variables added to every item's environment; an item's own entry for the same name wins.</param>
/// <param name="Timeout">The timeout for items without <c>TimeoutSeconds</c>; <see langword="null"/> for the platform's.</param>
internal sealed record PipelineDefaults(string? Profile, ImmutableSortedDictionary<string, string> Environment, TimeSpan? Timeout)
{
    /// <summary>No pipeline settings: every item as written.</summary>
    public static PipelineDefaults None { get; } = new(null, ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal), null);

    /// <summary>Whether items without <c>KeepContainers</c> metadata keep their containers after the verdict (<c>ComposeExperienceKeepContainers</c>).</summary>
    public bool KeepContainers { get; init; }

    /// <summary>Reads the properties the targets pass.</summary>
    /// <param name="profile">The value of <c>ComposeExperienceProfile</c>.</param>
    /// <param name="environment">The value of <c>ComposeExperienceEnvironment</c>: <c>NAME=value;NAME=value</c>.</param>
    /// <param name="timeoutSeconds">The value of <c>ComposeExperienceTimeoutSeconds</c>.</param>
    /// <param name="keepContainers">The value of <c>ComposeExperienceKeepContainers</c>: <c>true</c>, <c>1</c>, or empty.</param>
    /// <param name="error">Why a value is invalid, naming the property and what to write instead.</param>
    /// <returns>The defaults, or <see langword="null"/> when a value is invalid.</returns>
    public static PipelineDefaults? Read(string? profile, string? environment, string? timeoutSeconds, string? keepContainers, out string? error)
    {
        error = null;
        if (!TryParseSwitch(keepContainers, out var keep))
        {
            error = $"The ComposeExperienceKeepContainers property '{keepContainers}' is not true or false. Write -p:ComposeExperienceKeepContainers=true.";
            return null;
        }

        var variables = EnvironmentList.Parse(environment ?? string.Empty, out var badEntry);
        if (badEntry is not null)
        {
            error = $"The ComposeExperienceEnvironment property's entry '{badEntry}' is not NAME=value. Write -p:ComposeExperienceEnvironment=\"NAME=value%3BOTHER=value\" (%3B is a ';' on the command line).";
            return null;
        }

        TimeSpan? timeout = null;
        if (!string.IsNullOrWhiteSpace(timeoutSeconds))
        {
            if (!EnvironmentList.TryParseSeconds(timeoutSeconds, out var parsed))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"The ComposeExperienceTimeoutSeconds property '{timeoutSeconds}' is not a positive number of seconds. Write -p:ComposeExperienceTimeoutSeconds=900.");
                return null;
            }

            timeout = parsed;
        }

        return new(string.IsNullOrWhiteSpace(profile) ? null : profile.Trim(), variables, timeout) { KeepContainers = keep };
    }

    /// <summary>Reads a switch: empty, <c>false</c> or <c>0</c> is off; <c>true</c> or <c>1</c> is on, ignoring case.</summary>
    /// <param name="text">The value.</param>
    /// <param name="value">The switch.</param>
    /// <returns>Whether <paramref name="text"/> is one of those.</returns>
    public static bool TryParseSwitch(string? text, out bool value)
    {
        var trimmed = (text ?? string.Empty).Trim();
        value = trimmed == "1" || string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase);
        return value || trimmed.Length == 0 || trimmed == "0" || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase);
    }
}
