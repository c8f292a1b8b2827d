using Microsoft.Build.Framework;
using ReSim.Testing.Engine;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Reporting;

namespace ReSim.Testing.MSBuild;

/// <summary>
/// Loads each <c>ComposeExperience</c> item's compose file for its profile and system (R8, R13) and reports every diagnostic as a canonical
/// MSBuild error or warning (<c>compose.yml(12,5): error RSIM004: ...</c>). Starts no container.
/// </summary>
/// <remarks>Used by the <c>ValidateComposeExperiences</c> target, which runs before <c>CoreCompile</c>.</remarks>
public sealed class ValidateComposeExperience : Microsoft.Build.Utilities.Task
{
    /// <summary>The <c>ComposeExperience</c> items: compose files with <c>Profile</c> metadata.</summary>
    [Required]
    public ITaskItem[] Experiences { get; set; } = [];

    /// <summary>The folder relative paths are resolved against; the current folder when empty.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The profile for items without <c>Profile</c> metadata (<c>ComposeExperienceProfile</c>), so the build validates what the pipeline runs.</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Validates every item.</summary>
    /// <returns><see langword="true"/> when no item has an error.</returns>
    public override bool Execute()
    {
        var projectDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
        var defaults = PipelineDefaults.Profile(DefaultProfile);
        foreach (var item in Experiences)
        {
            var experience = ExperienceItemReader.Read(item, projectDirectory, defaults, out var error);
            if (experience is null)
            {
                Log.LogError(null, TaskErrorCodes.InvalidItem, TaskErrorCodes.InvalidItem, null, 0, 0, 0, 0, error);
                continue;
            }

            var load = ExperienceRunner.Load(experience.Request).Load;
            DiagnosticReporter.Report(Log, load.Diagnostics);
            Log.LogMessage(
                MessageImportance.Low,
                "ReSim: {0}: {1} error(s), {2} warning(s).",
                experience.ItemSpec,
                load.Errors.Count(),
                load.Warnings.Count());
        }

        return !Log.HasLoggedErrors;
    }
}
