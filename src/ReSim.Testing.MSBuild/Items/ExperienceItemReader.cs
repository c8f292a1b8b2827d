using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Build.Framework;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>Reads <c>ComposeExperience</c> items: <c>Profile</c>, <c>Environment</c>, <c>Inputs</c>, <c>TimeoutSeconds</c>, <c>Name</c>, <c>SystemCpus</c>, <c>SystemMemory</c>, <c>SystemGpus</c>, <c>AllowHostMounts</c>.</summary>
/// <remarks>Pure: relative paths are resolved against the project folder it is given, never the process's current folder.</remarks>
internal static class ExperienceItemReader
{
    /// <summary>Reads one item.</summary>
    /// <param name="item">The <c>ComposeExperience</c> item.</param>
    /// <param name="projectDirectory">The folder relative paths are resolved against.</param>
    /// <param name="error">Why the item is invalid, naming the metadata and what to write instead.</param>
    /// <returns>The experience, or <see langword="null"/> when the item is invalid.</returns>
    public static ExperienceItem? Read(ITaskItem item, string projectDirectory, out string? error)
    {
        error = null;
        var spec = item.ItemSpec;
        var composeFile = Path.GetFullPath(spec, projectDirectory);
        var profile = NullIfEmpty(item.GetMetadata("Profile"));

        var environment = ParseEnvironment(item.GetMetadata("Environment"), out var badEntry);
        if (badEntry is not null)
        {
            error = $"ComposeExperience '{spec}': Environment entry '{badEntry}' is not NAME=value. Write Environment=\"NAME=value;OTHER=value\".";
            return null;
        }

        var timeoutText = item.GetMetadata("TimeoutSeconds");
        var timeout = Experience.DefaultTimeout;
        if (!string.IsNullOrWhiteSpace(timeoutText))
        {
            if (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                error = $"ComposeExperience '{spec}': TimeoutSeconds '{timeoutText}' is not a positive number of seconds. Write TimeoutSeconds=\"600\".";
                return null;
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        var system = ReadSystem(item, out error);
        if (error is not null)
        {
            return null;
        }

        var hostMountsText = NullIfEmpty(item.GetMetadata("AllowHostMounts"));
        var allowHostMounts = false;
        if (hostMountsText is not null && !bool.TryParse(hostMountsText, out allowHostMounts))
        {
            error = $"ComposeExperience '{spec}': AllowHostMounts '{hostMountsText}' is not true or false. Write AllowHostMounts=\"true\" to mount the compose file's host paths in local runs, or leave it out.";
            return null;
        }

        var inputs = NullIfEmpty(item.GetMetadata("Inputs"));
        var givenName = NullIfEmpty(item.GetMetadata("Name"));
        if (givenName is not null && !IsFolderName(givenName))
        {
            error = $"ComposeExperience '{spec}': Name '{givenName}' cannot name the experience's results folder. A Name is one plain folder name: "
                + "not '.' or '..', not an absolute path, without '/', '\\', ':', '*', '?', '\"', '<', '>', '|' or control characters. Write Name=\"parking\", or leave it out for the file name and profile.";
            return null;
        }

        var name = givenName ?? DefaultName(composeFile, profile);
        return new ExperienceItem(spec, name, new ExperienceRequest
        {
            ComposeFile = composeFile,
            Profile = profile,
            Environment = environment,
            InputsDirectory = inputs is null ? null : Path.GetFullPath(inputs, projectDirectory),
            Timeout = timeout,
            System = system,
            Name = name,
            AllowHostMounts = allowHostMounts,
        });
    }

    /// <summary>The name an experience gets without <c>Name</c> metadata: the compose file's name and the profile.</summary>
    /// <param name="composeFile">The compose file.</param>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns>For example <c>compose-sim</c>.</returns>
    public static string DefaultName(string composeFile, string? profile)
    {
        var stem = Path.GetFileNameWithoutExtension(composeFile);
        return profile is null ? stem : $"{stem}-{profile}";
    }

    private static SystemResources? ReadSystem(ITaskItem item, out string? error)
    {
        error = null;
        var spec = item.ItemSpec;
        double? cpus = null;
        var cpusText = NullIfEmpty(item.GetMetadata("SystemCpus"));
        if (cpusText is not null)
        {
            if (!double.TryParse(cpusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed) || parsed <= 0)
            {
                error = $"ComposeExperience '{spec}': SystemCpus '{cpusText}' is not a positive number of CPUs. Write SystemCpus=\"8\", or leave it out for this machine's.";
                return null;
            }

            cpus = parsed;
        }

        long? memory = null;
        var memoryText = NullIfEmpty(item.GetMetadata("SystemMemory"));
        if (memoryText is not null)
        {
            if (!MemorySize.TryParse(memoryText, out var bytes) || bytes <= 0)
            {
                error = $"ComposeExperience '{spec}': SystemMemory '{memoryText}' is not a memory size. Write it as in a compose file, SystemMemory=\"16g\", or leave it out for this machine's.";
                return null;
            }

            memory = bytes;
        }

        var gpus = item.GetMetadata("SystemGpus").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return SystemResourcesChoice.From(cpus, memory, gpus);
    }

    private static ImmutableSortedDictionary<string, string> ParseEnvironment(string text, out string? badEntry)
    {
        badEntry = null;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                badEntry = entry;
                return builder.ToImmutable();
            }

            builder[entry[..equals].Trim()] = entry[(equals + 1)..];
        }

        return builder.ToImmutable();
    }

    private static bool IsFolderName(string name) =>
        name is not "." and not ".." && !Path.IsPathRooted(name) && !name.Any(c => char.IsControl(c) || "/\\:*?\"<>|".Contains(c, StringComparison.Ordinal));

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
