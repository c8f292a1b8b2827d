namespace ReSim.Testing.Engine.Results;

/// <summary>Why the policy restarts a container.</summary>
public enum RestartCause
{
    /// <summary>It exited before its <c>depends_on</c> dependencies were satisfied (R15).</summary>
    DependenciesNotSatisfied,

    /// <summary>It exited non-zero and its restart policy covers that (R17).</summary>
    RestartPolicy,
}
