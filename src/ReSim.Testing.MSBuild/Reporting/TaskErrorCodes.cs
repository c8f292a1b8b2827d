namespace ReSim.Testing.MSBuild.Reporting;

/// <summary>The codes of the errors the MSBuild front end reports itself (<c>RSIM1xx</c>); compose diagnostics keep their own.</summary>
/// <remarks>Stable: build scripts and docs refer to them (see <c>docs/msbuild.md</c>).</remarks>
public static class TaskErrorCodes
{
    /// <summary>The targets run in Visual Studio's .NET Framework MSBuild, which cannot load the task.</summary>
    public const string UnsupportedMSBuild = "RSIM100";

    /// <summary>An experience failed: an orchestrator or an unrestarted service exited non-zero (R16, R17).</summary>
    public const string ExperienceFailed = "RSIM101";

    /// <summary>An experience reached its timeout before it passed (R18).</summary>
    public const string ExperienceTimedOut = "RSIM102";

    /// <summary>An experience could not run: invalid compose file, no Docker engine, a missing image.</summary>
    public const string ExperienceNotRun = "RSIM103";

    /// <summary>A <c>ComposeExperience</c> item has invalid metadata (<c>TimeoutSeconds</c>, <c>Environment</c>, <c>SystemCpus</c>, <c>SystemMemory</c>, <c>AllowHostMounts</c>, a <c>Name</c> that is not a plain folder name), or a pipeline property (<c>ComposeExperienceEnvironment</c>, <c>ComposeExperienceTimeoutSeconds</c>) an invalid value.</summary>
    public const string InvalidItem = "RSIM104";

    /// <summary>The build was cancelled while experiences ran; they were torn down.</summary>
    public const string Cancelled = "RSIM105";

    /// <summary>A warning: the previous run's results folder could not be deleted (often root-owned files in <c>outputs/</c>); the run used a fresh folder.</summary>
    public const string PreviousResultsKept = "RSIM106";

    /// <summary>A name in <c>ComposeExperienceNames</c> matches no experience; nothing was run.</summary>
    public const string NothingSelected = "RSIM107";

    /// <summary>A warning: a command-line property that is not a pipeline switch but looks like one (<c>-p:Profile=hil</c> for <c>-p:ComposeExperienceProfile=hil</c>) was ignored.</summary>
    public const string MisnamedSwitch = "RSIM109";

    /// <summary>A warning: part of a container's log could not be read (the container was removed by someone else, the engine stopped answering, or it could not be stopped); the log file marks the gap.</summary>
    public const string LogIncomplete = "RSIM110";

    /// <summary>A warning: the engine cannot do part of what the platform does (such as rootless Podman, which then ignores resource limits), so the verdict may differ from the platform's.</summary>
    public const string EngineLimited = "RSIM111";

    /// <summary>A warning: the index page of the batch's experience reports could not be written.</summary>
    public const string IndexNotWritten = "RSIM108";
}
