using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Makes sure a service's image is on the engine, pulling as the pull policy says.</summary>
internal static class ImagePuller
{
    /// <summary>Ensures <paramref name="image"/> is present.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="service">The service, for the error message.</param>
    /// <param name="image">The image reference.</param>
    /// <param name="policy">When to pull.</param>
    /// <param name="configFolder">The Docker CLI's configuration folder, whose registry credentials a pull uses.</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <returns>A task that completes when the image is present.</returns>
    /// <exception cref="ExperienceInfrastructureException">The image is missing and may not, or could not, be pulled.</exception>
    internal static async Task EnsureAsync(
        DockerClient client, string service, string image, PullPolicy policy, string configFolder, CancellationToken cancellationToken)
    {
        if (policy != PullPolicy.Always && await ExistsAsync(client, image, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (policy == PullPolicy.Never)
        {
            throw new ExperienceInfrastructureException(
                $"Service '{service}' uses image '{image}', which the Docker engine does not have, and the pull policy is Never. " +
                $"Build or load the image on this engine (for example `docker build -t {image} .`), or allow pulling.");
        }

        var (name, tag) = SplitTag(image);
        var credentials = await RegistryCredentials.ForAsync(image, configFolder, cancellationToken).ConfigureAwait(false);
        var messages = new MessageCollector();
        string? failure;
        try
        {
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tag }, credentials, messages, cancellationToken)
                .ConfigureAwait(false);
            failure = messages.FirstError;
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
        {
            failure = EngineErrors.MessageOf(e);
        }

        if (failure is not null || !await ExistsAsync(client, image, cancellationToken).ConfigureAwait(false))
        {
            throw new ExperienceInfrastructureException(
                $"Service '{service}' needs image '{image}', and pulling it failed: {(failure ?? "the engine reported no error but has no such image").Trim()}. " +
                $"Either no registry was reachable, it has no such image, or it refused {(credentials is null ? "an anonymous pull (log in with `docker login`)" : $"the credentials of {credentials.ServerAddress} from the Docker configuration")}. " +
                $"Build the image locally (for example `docker build -t {image} .`) or check the image name and your registry access.");
        }
    }

    /// <summary>Splits a reference into the name and tag Docker's pull takes; an untagged name means <c>latest</c>, never every tag.</summary>
    /// <param name="image">Such as <c>registry:5000/team/app:1.2</c>, <c>app</c> or <c>app@sha256:...</c>.</param>
    /// <returns>The name and the tag (<see langword="null"/> for a digest reference, which names its image by itself).</returns>
    internal static (string Name, string? Tag) SplitTag(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return (image, null);
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    /// <summary>Whether the engine has <paramref name="image"/>.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="image">The image reference.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns><see langword="true"/> when it has it.</returns>
    internal static async Task<bool> ExistsAsync(DockerClient client, string image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
