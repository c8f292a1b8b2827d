using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Finds the engine endpoint the way the Docker CLI does, and words the error when it cannot be reached.</summary>
/// <remarks>
/// The order is the Docker CLI's: the configured endpoint, then <c>DOCKER_HOST</c> (with <c>DOCKER_TLS_VERIFY</c>,
/// <c>DOCKER_TLS</c> and <c>DOCKER_CERT_PATH</c>), then the context named by <c>DOCKER_CONTEXT</c>, then the current
/// context of <c>config.json</c> (in <c>DOCKER_CONFIG</c>, else <c>~/.docker</c>), then the platform's default socket.
/// The context <c>default</c> means the last. Both front ends reach the engine through this one resolver.
/// </remarks>
internal static class DockerEndpoint
{
    /// <summary>Where to read how to start an engine and point ReSim.Testing at it.</summary>
    // The copy the package ships (the repository's in a source checkout), else where to find it.
    private static readonly Lazy<string> EnginesDocs = new(() =>
        PackagedDocument.Near(typeof(DockerEndpoint).Assembly.Location, "docs/engines.md") ?? "docs/engines.md in the ReSim.Testing.Engine package");

    /// <summary>The engine's default endpoint on Linux and macOS.</summary>
    internal static readonly Uri UnixDefault = new("unix:///var/run/docker.sock");

    /// <summary>The engine's default endpoint on Windows.</summary>
    internal static readonly Uri WindowsDefault = new("npipe://./pipe/docker_engine");

    /// <summary>The endpoint to use.</summary>
    /// <param name="configured">The endpoint from <see cref="DockerRuntimeOptions.Endpoint"/>.</param>
    /// <param name="variable">Reads an environment variable (<see langword="null"/> when unset).</param>
    /// <param name="homeFolder">The user's home folder, where <c>.docker</c> is by default.</param>
    /// <param name="isWindows">Whether this process runs on Windows.</param>
    /// <returns>The endpoint, where it came from, and its TLS settings.</returns>
    /// <exception cref="ExperienceInfrastructureException">A setting is not usable; the message names it and what to do.</exception>
    internal static EngineEndpoint Resolve(Uri? configured, Func<string, string?> variable, string homeFolder, bool isWindows)
    {
        var configFolder = DockerContexts.ConfigFolder(variable, homeFolder);
        if (configured is not null)
        {
            return WithEnvironmentTls(new EngineEndpoint(configured, "DockerRuntimeOptions.Endpoint"), variable, configFolder);
        }

        if (Set(variable("DOCKER_HOST")) is { } dockerHost)
        {
            return Uri.TryCreate(dockerHost, UriKind.Absolute, out var fromEnvironment)
                ? WithEnvironmentTls(new EngineEndpoint(fromEnvironment, "DOCKER_HOST"), variable, configFolder)
                : throw new ExperienceInfrastructureException(
                    $"DOCKER_HOST is '{dockerHost}', which is not an endpoint URI. Set it to one such as unix:///var/run/docker.sock or tcp://host:2376, or unset it.");
        }

        var (context, source) = Set(variable("DOCKER_CONTEXT")) is { } named
            ? (named, "DOCKER_CONTEXT")
            : (DockerContexts.Current(configFolder), Path.Combine(configFolder, "config.json"));
        return context is null || context == "default"
            ? new EngineEndpoint(isWindows ? WindowsDefault : UnixDefault, "the platform's default")
            : DockerContexts.Endpoint(configFolder, context, source);
    }

    /// <summary>The endpoint for <paramref name="options"/>, from the environment and the user's Docker configuration.</summary>
    /// <param name="options">The runtime's options.</param>
    /// <returns>The endpoint.</returns>
    internal static EngineEndpoint Resolve(DockerRuntimeOptions options) =>
        Resolve(options.Endpoint, options.Variables, options.HomeFolder, OperatingSystem.IsWindows());

    /// <summary>The message for an engine that could not be reached.</summary>
    /// <param name="endpoint">The endpoint tried.</param>
    /// <param name="what">What went wrong, as a sentence fragment.</param>
    /// <returns>What happened and how to start an engine, for a user of the package.</returns>
    internal static string Unreachable(EngineEndpoint endpoint, string what) =>
        $"No Docker or Podman engine answered at {endpoint.Uri} ({endpoint.Source}): {what}. " +
        "Start one: on Linux start Docker Engine (`sudo systemctl start docker`) or Podman's API service " +
        "(`systemctl start podman.socket`, then DOCKER_HOST=unix:///run/podman/podman.sock); on macOS or Windows start Docker Desktop " +
        $"or `podman machine start`. Or set DOCKER_HOST, or choose a Docker context, for a running engine. See {EnginesDocs.Value}.";

    private static EngineEndpoint WithEnvironmentTls(EngineEndpoint endpoint, Func<string, string?> variable, string configFolder)
    {
        var verify = Set(variable("DOCKER_TLS_VERIFY")) is not null;
        if (!verify && Set(variable("DOCKER_TLS")) is null)
        {
            return endpoint;
        }

        return endpoint with { Tls = TlsSettings.FromFolder(Set(variable("DOCKER_CERT_PATH")) ?? configFolder, verify) };
    }

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
