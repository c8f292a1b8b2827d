namespace ReSim.Testing.Compose.Model;

/// <summary>The kinds of compose restart policy.</summary>
public enum RestartKind
{
    /// <summary><c>no</c>: never restart.</summary>
    No,

    /// <summary><c>always</c>: restart whatever the exit code.</summary>
    Always,

    /// <summary><c>unless-stopped</c>: like <see cref="Always"/> for an experience, which never stops a service by hand.</summary>
    UnlessStopped,

    /// <summary><c>on-failure[:max]</c>: restart on a non-zero exit, at most max times.</summary>
    OnFailure,
}
