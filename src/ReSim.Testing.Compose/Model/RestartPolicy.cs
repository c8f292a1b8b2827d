namespace ReSim.Testing.Compose.Model;

/// <summary>A service's <c>restart</c> value (R17).</summary>
/// <param name="Kind">The policy.</param>
/// <param name="MaxRetries">For <see cref="RestartKind.OnFailure"/>, the most restarts (<c>on-failure:3</c>); <see langword="null"/> for no limit.</param>
public sealed record RestartPolicy(RestartKind Kind, int? MaxRetries = null)
{
    /// <summary>The default: never restart.</summary>
    public static RestartPolicy No { get; } = new(RestartKind.No);

    /// <summary>Whether the policy restarts a container after a non-zero exit, given the restarts it already made.</summary>
    /// <remarks>An exit with code 0 is never restarted in an experience, whatever the policy (R17).</remarks>
    /// <param name="restartsSoFar">How many times the policy has already restarted the container.</param>
    /// <returns><see langword="true"/> when the policy covers one more failure.</returns>
    public bool CoversFailure(int restartsSoFar) => Kind switch
    {
        RestartKind.Always or RestartKind.UnlessStopped => true,
        RestartKind.OnFailure => MaxRetries is null || restartsSoFar < MaxRetries.Value,
        _ => false,
    };

    /// <summary>Formats the policy as written in compose (<c>on-failure:3</c>).</summary>
    /// <returns>The compose text of the policy.</returns>
    public override string ToString() => Kind switch
    {
        RestartKind.Always => "always",
        RestartKind.UnlessStopped => "unless-stopped",
        RestartKind.OnFailure => MaxRetries is { } max ? $"on-failure:{max}" : "on-failure",
        _ => "no",
    };
}
