using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>One <c>ComposeExperience</c> item, read and checked: what to load and how to run it (R7).</summary>
/// <param name="Name">The experience's name in logs, errors and the results folder.</param>
/// <param name="ComposeFile">The full path of the compose file.</param>
/// <param name="Profile">The profile (R8), or <see langword="null"/> for none.</param>
/// <param name="Environment">Experience-level environment variables (R9).</param>
/// <param name="InputsDirectory">The full path of the inputs folder (R11), or <see langword="null"/> for none.</param>
/// <param name="Timeout">How long the experience may run (R18).</param>
internal sealed record ExperienceRequest(
    string Name,
    string ComposeFile,
    string? Profile,
    ImmutableSortedDictionary<string, string> Environment,
    string? InputsDirectory,
    TimeSpan Timeout)
{
    /// <summary>The item spec the user wrote, for messages; the compose file's path when not set.</summary>
    public string ItemSpec { get; init; } = ComposeFile;

    /// <summary>The system's resources (R7, R13) from <c>SystemCpus</c>, <c>SystemMemory</c> and <c>SystemGpus</c>; <see langword="null"/> for this machine with no GPUs.</summary>
    public SystemResources? System { get; init; }

    /// <summary>The engine's request for this experience, its results going to <paramref name="resultsDirectory"/>.</summary>
    /// <param name="resultsDirectory">The experience's results folder.</param>
    /// <returns>The request the engine's launcher loads and runs.</returns>
    public Engine.Launch.ExperienceRequest ToLaunch(string? resultsDirectory) => new()
    {
        ComposeFile = ComposeFile,
        Profile = Profile,
        Environment = Environment,
        InputsDirectory = InputsDirectory,
        Timeout = Timeout,
        System = System,
        ResultsDirectory = resultsDirectory,
        Name = Name,
    };
}
