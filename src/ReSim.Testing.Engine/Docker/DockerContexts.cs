using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reads the Docker CLI's contexts: the current one in <c>config.json</c> and each one's <c>meta.json</c> and TLS files.</summary>
/// <remarks>
/// The layout is the Docker CLI's: <c>&lt;config&gt;/contexts/meta/&lt;sha256 of the name&gt;/meta.json</c> holds
/// <c>Endpoints.docker.Host</c> and <c>SkipTLSVerify</c>; <c>&lt;config&gt;/contexts/tls/&lt;sha256&gt;/docker/</c> holds
/// <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> when the context has TLS material.
/// </remarks>
internal static class DockerContexts
{
    /// <summary>The Docker CLI's configuration folder: <c>DOCKER_CONFIG</c>, else <c>.docker</c> in the home folder.</summary>
    /// <param name="variable">Reads an environment variable.</param>
    /// <param name="homeFolder">The user's home folder.</param>
    /// <returns>The folder.</returns>
    internal static string ConfigFolder(Func<string, string?> variable, string homeFolder) =>
        variable("DOCKER_CONFIG") is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : Path.Combine(homeFolder, ".docker");

    /// <summary>The context <c>config.json</c> names as current, or <see langword="null"/>.</summary>
    /// <param name="configFolder">The Docker CLI's configuration folder.</param>
    /// <returns>The name of <c>currentContext</c>.</returns>
    /// <exception cref="ExperienceInfrastructureException">The file is not JSON.</exception>
    internal static string? Current(string configFolder)
    {
        var file = Path.Combine(configFolder, "config.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using var json = DockerConfigJson.Parse(file);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("currentContext", out var name)
            && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text
                ? text
                : null;
    }

    /// <summary>The endpoint of context <paramref name="name"/>.</summary>
    /// <param name="configFolder">The Docker CLI's configuration folder.</param>
    /// <param name="name">The context.</param>
    /// <param name="source">How the context was chosen, for messages: such as <c>DOCKER_CONTEXT</c>.</param>
    /// <returns>Its Docker endpoint and TLS settings.</returns>
    /// <exception cref="ExperienceInfrastructureException">The context does not exist, or names no Docker endpoint.</exception>
    internal static EngineEndpoint Endpoint(string configFolder, string name, string source)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();
        var meta = Path.Combine(configFolder, "contexts", "meta", id, "meta.json");
        if (!File.Exists(meta))
        {
            throw new ExperienceInfrastructureException(
                $"{source} names the Docker context '{name}', which does not exist (no {meta}). " +
                "List the contexts with `docker context ls`, and choose one with `docker context use NAME` or DOCKER_CONTEXT.");
        }

        using var json = DockerConfigJson.Parse(meta);
        if (!json.RootElement.TryGetProperty("Endpoints", out var endpoints) || !endpoints.TryGetProperty("docker", out var docker)
            || !docker.TryGetProperty("Host", out var host) || host.GetString() is not { Length: > 0 } hostText
            || !Uri.TryCreate(hostText, UriKind.Absolute, out var uri))
        {
            throw new ExperienceInfrastructureException(
                $"The Docker context '{name}' ({meta}) has no Docker endpoint (Endpoints.docker.Host). Recreate it with `docker context create`.");
        }

        var skipVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
        var tlsFolder = Path.Combine(configFolder, "contexts", "tls", id, "docker");
        var tls = Directory.Exists(tlsFolder) || skipVerify ? TlsSettings.FromFolder(tlsFolder, !skipVerify) : null;
        return new EngineEndpoint(uri, string.Create(CultureInfo.InvariantCulture, $"Docker context '{name}' (from {source})"), tls);
    }
}
