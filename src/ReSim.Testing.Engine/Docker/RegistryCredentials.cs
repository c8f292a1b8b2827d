using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>The registry credentials the Docker CLI would use for an image: from <c>config.json</c>'s <c>auths</c>, or a credential helper.</summary>
/// <remarks>
/// As in the Docker CLI: <c>credHelpers</c> names a helper per registry; otherwise <c>credsStore</c>, when set, holds every
/// registry's credentials; otherwise <c>auths</c> holds them base64-encoded. Images without a registry host are Docker
/// Hub's (<c>https://index.docker.io/v1/</c>). Helpers are run as <see cref="CredentialHelper"/> describes.
/// </remarks>
internal static class RegistryCredentials
{
    /// <summary>The key Docker Hub's credentials are stored under.</summary>
    internal const string DockerHub = "https://index.docker.io/v1/";

    /// <summary>The credentials for pulling <paramref name="image"/>, or <see langword="null"/> to pull anonymously.</summary>
    /// <param name="image">The image reference.</param>
    /// <param name="configFolder">The Docker CLI's configuration folder.</param>
    /// <param name="cancellationToken">Cancels a helper.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ExperienceInfrastructureException"><c>config.json</c> is unreadable, or a helper failed.</exception>
    internal static async Task<AuthConfig?> ForAsync(string image, string configFolder, CancellationToken cancellationToken)
    {
        var file = Path.Combine(configFolder, "config.json");
        if (!File.Exists(file))
        {
            return null;
        }

        var registry = RegistryOf(image);
        using var config = DockerConfigJson.Parse(file);
        var root = config.RootElement;
        if ((Text(root, "credHelpers", registry) ?? Text(root, "credsStore")) is { } helper)
        {
            return await CredentialHelper.GetAsync(helper, registry, cancellationToken).ConfigureAwait(false);
        }

        return root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object
            && Candidates(registry).Select(key => auths.TryGetProperty(key, out var entry) ? entry : (JsonElement?)null).FirstOrDefault(e => e is not null) is { } found
                ? FromAuthsEntry(found, registry, file)
                : null;
    }

    /// <summary>The registry an image reference is pulled from, as credentials are keyed.</summary>
    /// <param name="image">Such as <c>registry.example:5000/team/app:1</c> or <c>ubuntu</c>.</param>
    /// <returns>Such as <c>registry.example:5000</c>, or <see cref="DockerHub"/>.</returns>
    internal static string RegistryOf(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? null : image[..slash];
        return first is not null && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            && first != "docker.io" && first != "index.docker.io"
                ? first
                : DockerHub;
    }

    // `docker login` writes the bare host; older tools wrote a URL.
    private static IEnumerable<string> Candidates(string registry) =>
        registry == DockerHub ? [DockerHub, "index.docker.io", "docker.io"] : [registry, "https://" + registry, "http://" + registry, $"https://{registry}/v1/"];

    private static AuthConfig? FromAuthsEntry(JsonElement entry, string registry, string file)
    {
        if (Text(entry, "identitytoken") is { } token)
        {
            return new AuthConfig { ServerAddress = registry, IdentityToken = token };
        }

        if (Text(entry, "auth") is not { } encoded)
        {
            return Text(entry, "username") is { } user ? new AuthConfig { ServerAddress = registry, Username = user, Password = Text(entry, "password") } : null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException e)
        {
            throw new ExperienceInfrastructureException($"The `auth` of registry '{registry}' in {file} is not base64. Log in again with `docker login {registry}`.", e);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? throw new ExperienceInfrastructureException($"The `auth` of registry '{registry}' in {file} is not 'user:password'. Log in again with `docker login {registry}`.")
            : new AuthConfig { ServerAddress = registry, Username = decoded[..colon], Password = decoded[(colon + 1)..] };
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : null;
    }
}
