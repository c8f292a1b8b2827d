namespace ReSim.Testing.Engine.Docker;

/// <summary>Chooses the engine endpoint and words the error when it cannot be reached.</summary>
internal static class DockerEndpoint
{
    /// <summary>The engine's default endpoint on Linux and macOS.</summary>
    internal static readonly Uri UnixDefault = new("unix:///var/run/docker.sock");

    /// <summary>The engine's default endpoint on Windows.</summary>
    internal static readonly Uri WindowsDefault = new("npipe://./pipe/docker_engine");

    /// <summary>The endpoint to use: the configured one, else <c>DOCKER_HOST</c>, else the platform default.</summary>
    /// <param name="configured">The endpoint from <see cref="DockerRuntimeOptions.Endpoint"/>.</param>
    /// <param name="dockerHost">The value of <c>DOCKER_HOST</c>, or <see langword="null"/>.</param>
    /// <param name="isWindows">Whether this process runs on Windows.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ExperienceInfrastructureException"><paramref name="dockerHost"/> is not a URI.</exception>
    internal static Uri Resolve(Uri? configured, string? dockerHost, bool isWindows)
    {
        if (configured is not null)
        {
            return configured;
        }

        if (!string.IsNullOrWhiteSpace(dockerHost))
        {
            return Uri.TryCreate(dockerHost.Trim(), UriKind.Absolute, out var fromEnvironment)
                ? fromEnvironment
                : throw new ExperienceInfrastructureException(
                    $"DOCKER_HOST is '{dockerHost}', which is not an endpoint URI. Set it to one such as unix:///var/run/docker.sock or tcp://host:2375, or unset it.");
        }

        return isWindows ? WindowsDefault : UnixDefault;
    }

    /// <summary>The message for an engine that could not be reached.</summary>
    /// <param name="endpoint">The endpoint tried.</param>
    /// <param name="what">What went wrong, as a sentence fragment.</param>
    /// <returns>What happened and how to start an engine.</returns>
    internal static string Unreachable(Uri endpoint, string what) =>
        $"No Docker engine answered at {endpoint}: {what}. Start one: on Debian or Ubuntu run `bash build/ensure-docker.sh` (as root) " +
        "from the ReSim.Testing repository, elsewhere start Docker Desktop; or set DOCKER_HOST to the endpoint of a running engine.";
}
