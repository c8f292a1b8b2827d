namespace ReSim.Testing.Configuration;

/// <summary>The assembly-wide settings of a test project's experiences, as the assembly's options attribute gives them.</summary>
internal interface IExperienceOptions
{
    /// <summary>How many experiences may run at once; 0 for what the machine can hold.</summary>
    int MaxParallelExperiences { get; }

    /// <summary>The most bytes of the outputs folder attached to a test result.</summary>
    long MaxAttachedOutputBytes { get; }
}
