using System.Collections.Immutable;
using System.Reflection;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Discovery;

/// <summary>Turns a <see cref="ComposeExperienceAttribute"/> into test specs, one per profile, or says what is wrong with it.</summary>
internal static class ExperienceTestSpecs
{
    /// <summary>Reads <paramref name="attribute"/> on <paramref name="method"/>, with the pipeline's environment variables of this process.</summary>
    /// <param name="attribute">The attribute.</param>
    /// <param name="method">The test method it is on.</param>
    /// <returns>One spec per distinct profile (one without a profile when none is given), or the problems, each a sentence saying what to change.</returns>
    public static (ImmutableArray<ExperienceTestSpec> Specs, ImmutableArray<string> Problems) From(ComposeExperienceAttribute attribute, MethodInfo method) =>
        From(attribute, method, System.Environment.GetEnvironmentVariable);

    /// <summary>Reads <paramref name="attribute"/> on <paramref name="method"/>; what the attribute leaves unset comes from the pipeline's variables (<see cref="PipelineEnvironment"/>).</summary>
    /// <param name="attribute">The attribute.</param>
    /// <param name="method">The test method it is on.</param>
    /// <param name="lookup">Reads an environment variable.</param>
    /// <returns>One spec per distinct profile (one without a profile when none is given), or the problems, each a sentence saying what to change.</returns>
    public static (ImmutableArray<ExperienceTestSpec> Specs, ImmutableArray<string> Problems) From(ComposeExperienceAttribute attribute, MethodInfo method, Func<string, string?> lookup)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var pipeline = PipelineEnvironment.Read(lookup, problems);
        if (string.IsNullOrWhiteSpace(attribute.ComposeFile))
        {
            problems.Add("the compose file is empty; give the path of a compose file, relative to the test project's folder.");
        }

        var profiles = new List<string>();
        foreach (var profile in new[] { attribute.Profile }.Concat(attribute.Profiles ?? []))
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

        if (profiles.Count == 0 && attribute.Profile is null && attribute.Profiles is null && pipeline.Profile is not null)
        {
            profiles.Add(pipeline.Profile);
        }

        var environment = (attribute.Environment ?? []).ToImmutableArray();
        var badEntries = new List<string?>();
        EnvironmentEntries.Parse(environment, badEntries);
        foreach (var entry in badEntries)
        {
            problems.Add($"Environment entry \"{entry}\" is not KEY=VALUE (R9); write it as \"NAME=value\".");
        }

        if (attribute.TimeoutSeconds <= 0)
        {
            problems.Add($"TimeoutSeconds is {attribute.TimeoutSeconds}; give a positive number of seconds (the platform's default is {ComposeExperienceAttribute.DefaultTimeoutSeconds}).");
        }

        if (double.IsNaN(attribute.SystemCpus) || double.IsInfinity(attribute.SystemCpus) || attribute.SystemCpus < 0)
        {
            problems.Add($"SystemCpus is {attribute.SystemCpus}; give the system's CPUs as a positive number, or leave it out for this machine's (R13).");
        }

        if (attribute.SystemMemory is not null && (!MemorySize.TryParse(attribute.SystemMemory, out var memory) || memory <= 0))
        {
            problems.Add($"SystemMemory \"{attribute.SystemMemory}\" is not a memory size; write it as in a compose file, such as \"16g\" or \"512m\", or leave it out for this machine's (R13).");
        }

        if (attribute.SystemGpus?.Any(string.IsNullOrWhiteSpace) == true)
        {
            problems.Add("a SystemGpus entry is empty; list the IDs of the system's GPUs, such as \"0\" (R13).");
        }

        if (!HasSupportedParameters(method))
        {
            problems.Add($"the method takes ({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}); a [ComposeExperience] method takes no parameters or one {nameof(ExperienceResult)}.");
        }

        if (problems.Count > 0)
        {
            return ([], problems.ToImmutable());
        }

        var inputs = string.IsNullOrWhiteSpace(attribute.Inputs) ? null : attribute.Inputs;
        var timeout = pipeline.TimeoutSeconds is { } fromPipeline && !PipelineEnvironment.Sets(method, nameof(ComposeExperienceAttribute.TimeoutSeconds))
            ? fromPipeline
            : attribute.TimeoutSeconds;
        var system = new ExperienceTestSpec(attribute.ComposeFile, null, [.. pipeline.Environment, .. environment], inputs, timeout)
        {
            SystemCpus = attribute.SystemCpus > 0 ? attribute.SystemCpus : null,
            SystemMemory = attribute.SystemMemory,
            SystemGpus = [.. (attribute.SystemGpus ?? []).Select(g => g.Trim())],
            AllowHostMounts = attribute.AllowHostMounts,
            KeepContainers = attribute.KeepContainers || pipeline.KeepContainers,
        };
        var specs = profiles.Count == 0
            ? [system]
            : profiles.Select(p => system with { Profile = p }).ToImmutableArray();
        return (specs, []);
    }

    private static bool HasSupportedParameters(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 0 || (parameters.Length == 1 && parameters[0].ParameterType.IsAssignableFrom(typeof(ExperienceResult)));
    }
}
