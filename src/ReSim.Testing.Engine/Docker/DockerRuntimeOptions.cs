namespace ReSim.Testing.Engine.Docker;

/// <summary>How to reach the Docker engine.</summary>
public sealed record DockerRuntimeOptions
{
    /// <summary>The engine's endpoint; <see langword="null"/> means DOCKER_HOST, else the platform default (unix socket, or named pipe on Windows).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>How long connecting may take before it fails with a clear error.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How old every object of a run without a running sandbox must be before the orphan sweep removes it (<see cref="OrphanRule"/>); tests shorten it.</summary>
    internal TimeSpan OrphanGrace { get; init; } = OrphanRule.DefaultGrace;
}
