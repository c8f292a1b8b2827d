namespace ReSim.Testing.Engine.Docker;

/// <summary>How to reach the Docker engine.</summary>
public sealed record DockerRuntimeOptions
{
    /// <summary>
    /// The engine's endpoint; <see langword="null"/> means what the Docker CLI would use: <c>DOCKER_HOST</c>, else the
    /// context of <c>DOCKER_CONTEXT</c> or of <c>~/.docker/config.json</c>, else the platform default (unix socket, or named
    /// pipe on Windows). TLS comes from <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c> or the context.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>How long connecting may take before it fails with a clear error.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How old every object of a run without a running sandbox must be before the orphan sweep removes it (<see cref="OrphanRule"/>); tests shorten it.</summary>
    internal TimeSpan OrphanGrace { get; init; } = OrphanRule.DefaultGrace;

    /// <summary>Reads the environment variables the Docker CLI's settings come from; the process's own unless a test sets it.</summary>
    internal Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The user's home folder, where <c>.docker</c> is unless <c>DOCKER_CONFIG</c> says otherwise.</summary>
    internal string HomeFolder { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
