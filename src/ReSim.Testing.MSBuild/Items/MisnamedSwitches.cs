namespace ReSim.Testing.MSBuild.Items;

/// <summary>
/// Command-line properties that look like the pipeline switches but are not theirs: <c>-p:Profile=hil</c> is the item
/// metadata's name, not a switch, and MSBuild takes any property silently. Each is said (<c>RSIM109</c>) with the
/// switch to write instead, unless that switch is set too.
/// </summary>
/// <remarks>
/// Only global properties (<c>-p:</c> on the command line, or a parent build's) count: a property of the same name from
/// the environment (<c>ENVIRONMENT=staging</c> in a pipeline) or the project belongs to something else.
/// <c>Profile</c> is not made to select the profile: other tools use the name.
/// </remarks>
internal static class MisnamedSwitches
{
    private static readonly (string Wrong, string Switch)[] Names =
    [
        ("Profile", "ComposeExperienceProfile"),
        ("Environment", "ComposeExperienceEnvironment"),
        ("Timeout", "ComposeExperienceTimeoutSeconds"),
        ("TimeoutSeconds", "ComposeExperienceTimeoutSeconds"),
        ("KeepContainers", "ComposeExperienceKeepContainers"),
    ];

    /// <summary>Finds the misnamed switches among the build's global properties.</summary>
    /// <param name="globalProperties">The build's global properties (names ignore case, as MSBuild's do).</param>
    /// <param name="isSet">Whether a switch (<c>ComposeExperienceProfile</c> ...) has a value in this build.</param>
    /// <returns>One sentence per misnamed property, naming the switch with the property's value as the example.</returns>
    public static IEnumerable<string> Find(IReadOnlyDictionary<string, string> globalProperties, Func<string, bool> isSet)
    {
        var properties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase);
        foreach (var (wrong, name) in Names)
        {
            if (properties.TryGetValue(wrong, out var value) && !string.IsNullOrWhiteSpace(value) && !isSet(name))
            {
                // A ';' ends a -p: value on the command line: the example writes it as %3B.
                var example = value.Trim().Replace(";", "%3B", StringComparison.Ordinal);
                yield return $"The property '{wrong}' (-p:{wrong}={example}) is not a ReSim switch and is ignored. Write -p:{name}={example}.";
            }
        }
    }
}
