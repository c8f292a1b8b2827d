using System.Globalization;
using System.Reflection;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Sdk;

namespace ReSim.Testing.Configuration;

/// <summary>The results retention a test project sets with the MSBuild properties <c>ReSimKeepRuns</c> and <c>ReSimKeepDays</c>.</summary>
/// <remarks>The package's <c>buildTransitive</c> props record them as assembly metadata; the engine applies
/// <c>RESIM_KEEP_RUNS</c> and <c>RESIM_KEEP_DAYS</c> over them.</remarks>
internal static class RetentionSetting
{
    /// <summary>The assembly metadata key for <c>ReSimKeepRuns</c>.</summary>
    public const string KeepRunsKey = "ReSim.Testing.KeepRuns";

    /// <summary>The assembly metadata key for <c>ReSimKeepDays</c>.</summary>
    public const string KeepDaysKey = "ReSim.Testing.KeepDays";

    /// <summary>The retention <paramref name="testAssembly"/> was built with.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>The retention, or <see langword="null"/> when neither property was set.</returns>
    /// <exception cref="ExperienceSetupException">A property is not a whole number from 0 up.</exception>
    public static ResultsRetention? Of(Assembly testAssembly)
    {
        var runs = Read(testAssembly, KeepRunsKey, "ReSimKeepRuns");
        var days = Read(testAssembly, KeepDaysKey, "ReSimKeepDays");
        return runs is null && days is null ? null : new ResultsRetention(runs ?? ResultsRetention.Default.KeepRuns, days ?? ResultsRetention.Default.KeepDays);
    }

    private static int? Read(Assembly testAssembly, string key, string property)
    {
        var text = BuildMetadata.Value(testAssembly, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ExperienceSetupException($"The MSBuild property {property} is '{text}', which is not a whole number. Set it to a number such as 20 (0 turns this bound off) in the test project, or remove it.");
    }
}
