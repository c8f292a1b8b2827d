using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Settings;

/// <summary>
/// The one reading of <see cref="ExperienceSettingsText"/> into <see cref="ExperienceSettings"/>, shared by the xUnit
/// attribute, the MSBuild item and the pipelines' switches, so a setting means the same, and is refused with the same
/// words, wherever it is written.
/// </summary>
/// <remarks>Pure: relative paths are resolved against the folder it is given, never the process's current folder, and
/// nothing on disk is looked at.</remarks>
public static class ExperienceSettingsParser
{
    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <param name="text">The settings as written.</param>
    /// <param name="baseDirectory">The folder a relative <see cref="ExperienceSettingsText.Inputs"/> is resolved against.</param>
    /// <param name="subject">How a message names a setting where the user wrote it, given its <see cref="SettingNames"/>
    /// name: <c>TimeoutSeconds</c> on an attribute, <c>RESIM_TIMEOUT_SECONDS</c> for an environment variable.</param>
    /// <returns>The profile and settings, with a problem for each invalid setting.</returns>
    public static ParsedSettings Parse(ExperienceSettingsText text, string baseDirectory, Func<string, string> subject)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(subject);
        var problems = ImmutableArray.CreateBuilder<string>();
        void Problem(string setting, string value, string what) => problems.Add($"{subject(setting)} is \"{value}\", which {what}.");

        var badEntries = new List<string?>();
        var environment = EnvironmentEntries.Parse(text.Environment.IsDefault ? [] : text.Environment, badEntries);
        foreach (var entry in badEntries)
        {
            problems.Add($"{subject(SettingNames.Environment)} has the entry \"{entry}\", which is not NAME=value (R9); write each entry as NAME=value.");
        }

        var timeout = ExperienceSettings.DefaultTimeout;
        if (Given(text.TimeoutSeconds) is { } timeoutText && !TryParseSeconds(timeoutText, out timeout))
        {
            Problem(SettingNames.TimeoutSeconds, timeoutText, "is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour");
        }

        var name = Given(text.Name);
        if (name is not null && !IsFolderName(name))
        {
            Problem(
                SettingNames.Name,
                name,
                "cannot name the experience's results folder; write one plain folder name such as parking: not . or .., not an absolute path, without / \\ : * ? \" < > | or control characters, or leave it out for the file name and profile");
        }

        double? cpus = null;
        if (Given(text.SystemCpus) is { } cpusText)
        {
            if (double.TryParse(cpusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) && parsed > 0)
            {
                cpus = parsed;
            }
            else
            {
                Problem(SettingNames.SystemCpus, cpusText, "is not a positive number of CPUs (R13); write a number such as 8, or leave it out for this machine's");
            }
        }

        long? memory = null;
        if (Given(text.SystemMemory) is { } memoryText)
        {
            if (MemorySize.TryParse(memoryText, out var bytes) && bytes > 0)
            {
                memory = bytes;
            }
            else
            {
                Problem(SettingNames.SystemMemory, memoryText, "is not a memory size (R13); write it as in a compose file, such as 16g or 512m, or leave it out for this machine's");
            }
        }

        var gpus = text.SystemGpus.IsDefault ? [] : text.SystemGpus;
        if (gpus.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{subject(SettingNames.SystemGpus)} has an empty entry; list the IDs of the system's GPUs, such as 0 (R13).");
        }

        var allowHostMounts = Switch(text.AllowHostMounts, SettingNames.AllowHostMounts, "true to mount the compose file's host paths in local runs", Problem);
        var keep = Switch(text.KeepContainers, SettingNames.KeepContainers, "true to keep the containers after the verdict", Problem);
        var settings = new ExperienceSettings
        {
            Name = name,
            Environment = environment,
            InputsDirectory = Given(text.Inputs) is { } inputs ? Path.GetFullPath(inputs, baseDirectory) : null,
            Timeout = timeout,
            System = SystemResourcesChoice.From(cpus, memory, gpus),
            AllowHostMounts = allowHostMounts,
            KeepContainers = keep,
        };
        return new ParsedSettings(Given(text.Profile), settings, problems.ToImmutable());
    }

    /// <summary>Reads a switch: empty, <c>false</c> or <c>0</c> is off; <c>true</c> or <c>1</c> is on, ignoring case and surrounding spaces.</summary>
    /// <param name="text">The value, or <see langword="null"/> for unset.</param>
    /// <param name="value">The switch.</param>
    /// <returns>Whether <paramref name="text"/> is one of those.</returns>
    internal static bool TryParseSwitch(string? text, out bool value)
    {
        var trimmed = (text ?? string.Empty).Trim();
        value = trimmed == "1" || string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase);
        return value || trimmed.Length == 0 || trimmed == "0" || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Switch(string? text, string setting, string example, Action<string, string, string> problem)
    {
        if (!TryParseSwitch(text, out var value))
        {
            problem(setting, text!.Trim(), $"is not true or false; write {example}, or leave it out");
        }

        return value;
    }

    private static bool TryParseSeconds(string text, out TimeSpan value)
    {
        value = ExperienceSettings.DefaultTimeout;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool IsFolderName(string name) =>
        name is not "." and not ".." && !Path.IsPathRooted(name) && !name.Any(c => char.IsControl(c) || "/\\:*?\"<>|".Contains(c, StringComparison.Ordinal));

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
