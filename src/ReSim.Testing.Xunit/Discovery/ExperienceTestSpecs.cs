using System.Collections.Immutable;
using System.Reflection;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Settings;
using ReSim.Testing.Execution;

namespace ReSim.Testing.Discovery;

/// <summary>Turns a [ComposeExperience] attribute into test specs, one per profile, or says what is wrong with it.</summary>
internal static class ExperienceTestSpecs
{
    /// <summary>Reads <paramref name="source"/> on <paramref name="method"/>, with the pipeline's environment variables of this process.</summary>
    /// <param name="source">The attribute.</param>
    /// <param name="method">The test method it is on.</param>
    /// <returns>One spec per distinct profile (one without a profile when none is given), or the problems, each a sentence saying what to change.</returns>
    public static (ImmutableArray<ExperienceTestSpec> Specs, ImmutableArray<string> Problems) From(IExperienceTestSource source, MethodInfo method) =>
        From(source, method, System.Environment.GetEnvironmentVariable);

    /// <summary>Reads <paramref name="source"/> on <paramref name="method"/>; what the attribute leaves unset comes from the pipeline's variables (<see cref="PipelineEnvironment"/>).</summary>
    /// <param name="source">The attribute.</param>
    /// <param name="method">The test method it is on.</param>
    /// <param name="lookup">Reads an environment variable.</param>
    /// <returns>One spec per distinct profile (one without a profile when none is given), or the problems, each a sentence saying what to change.</returns>
    public static (ImmutableArray<ExperienceTestSpec> Specs, ImmutableArray<string> Problems) From(IExperienceTestSource source, MethodInfo method, Func<string, string?> lookup)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var pipeline = PipelineEnvironment.Read(lookup);
        problems.AddRange(ExperienceSettingsParser.Parse(pipeline, System.Environment.CurrentDirectory, PipelineEnvironment.Subject).Problems);
        if (string.IsNullOrWhiteSpace(source.ComposeFile))
        {
            problems.Add("the compose file is empty; give the path of a compose file, relative to the test project's folder.");
        }

        var profiles = new List<string>();
        foreach (var profile in new[] { source.Profile }.Concat(source.Profiles ?? []))
        {
            if (profile is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(profile))
            {
                problems.Add("a profile is empty; remove it or name a profile of the compose file.");
            }
            else if (!profiles.Contains(profile, StringComparer.Ordinal))
            {
                profiles.Add(profile);
            }
        }

        // The pipeline's profile only stands in for an attribute that names none.
        // Each layer is read on its own, so a problem names where it was written; together they are then valid too.
        var written = source.SettingsText();
        problems.AddRange(ExperienceSettingsParser.Parse(written, System.Environment.CurrentDirectory, setting => setting).Problems);
        var settings = source.Profile is null && source.Profiles is null ? written.Over(pipeline) : written.Over(pipeline with { Profile = null });

        if (!HasSupportedParameters(method))
        {
            problems.Add($"the method takes ({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}); a [ComposeExperience] method takes no parameters or one {nameof(ExperienceResult)}.");
        }

        if (problems.Count > 0)
        {
            return ([], problems.ToImmutable());
        }

        var specs = profiles.Count == 0
            ? [new ExperienceTestSpec(source.ComposeFile, settings)]
            : profiles.Select(p => new ExperienceTestSpec(source.ComposeFile, settings with { Profile = p })).ToImmutableArray();
        return (specs, []);
    }

    private static bool HasSupportedParameters(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 0 || (parameters.Length == 1 && parameters[0].ParameterType.IsAssignableFrom(typeof(ExperienceResult)));
    }
}
