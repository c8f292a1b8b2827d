using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading;

/// <summary>What a <see cref="ComposeLoader"/> needs besides the file itself.</summary>
public sealed record ComposeLoadOptions
{
    /// <summary>The experience's profile (R8), or <see langword="null"/> for none.</summary>
    public string? Profile { get; init; }

    /// <summary>
    /// Variables for <c>${VAR}</c> interpolation (R2). <see langword="null"/> means this process's
    /// environment. Values from a <c>.env</c> file beside the compose file fill in what these lack.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>
    /// The folder relative paths (<c>extends.file</c>, <c>env_file</c>, <c>.env</c>, bind mounts) are
    /// resolved against. <see langword="null"/> means the compose file's folder, or the current
    /// directory for a string input.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The system the reservations of all services must fit in (R13); <see langword="null"/> means this machine.</summary>
    public SystemResources? System { get; init; }

    /// <summary>The name diagnostics give a string input; ignored when loading a file.</summary>
    public string SourceName { get; init; } = "compose.yml";
}
