using ReSim.Testing.Configuration;

namespace ReSim.Testing;

/// <summary>Assembly-wide settings for the [ComposeExperience] tests of a test project.</summary>
/// <example><code>[assembly: ComposeExperienceOptions(MaxParallelExperiences = 2)]</code></example>
/// <remarks>
/// The parallel limit can also come from <c>xunit.runner.json</c> (<c>"resimMaxParallelExperiences": 2</c>) or the
/// <c>RESIM_MAX_PARALLEL_EXPERIENCES</c> environment variable; the environment variable wins, then the JSON file,
/// then this attribute. Without any, the limit is what the machine can hold: one experience per processor,
/// at most one per GiB of memory available to the test process.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ComposeExperienceOptionsAttribute : Attribute, IExperienceOptions
{
    /// <summary>The default <see cref="MaxAttachedOutputBytes"/>: 8 MiB.</summary>
    public const long DefaultMaxAttachedOutputBytes = AssemblyOptions.DefaultMaxAttachedOutputBytes;

    /// <summary>How many experiences may run at once in this test assembly; 0 (the default) for what the machine can hold.</summary>
    /// <remarks>xUnit runs test collections (by default, test classes) in parallel; experiences beyond this limit wait for a free slot.</remarks>
    public int MaxParallelExperiences { get; set; }

    /// <summary>The most bytes of the outputs folder attached to a test result; files beyond it are listed in a note, not attached.</summary>
    public long MaxAttachedOutputBytes { get; set; } = DefaultMaxAttachedOutputBytes;
}
