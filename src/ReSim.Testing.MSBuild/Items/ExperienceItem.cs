using ReSim.Testing.Engine;

namespace ReSim.Testing.MSBuild.Items;

/// <summary>One <c>ComposeExperience</c> item, read and checked: the engine's request for it and how the build log names it (R7).</summary>
/// <param name="ItemSpec">The item spec the user wrote, for messages.</param>
/// <param name="Request">What the engine loads and runs; its results folder is set per run.</param>
internal sealed record ExperienceItem(string ItemSpec, ExperienceRequest Request)
{
    /// <summary>The experience's name in logs, errors and the results folder: the request's, else the compose file's name and the profile.</summary>
    public string Name => Request.Settings.Name ?? ExperienceItemReader.DefaultName(Request.ComposeFile, Request.Profile);
}
