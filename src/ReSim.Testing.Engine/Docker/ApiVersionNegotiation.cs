using System.Globalization;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Chooses the Docker API version to speak: the newest both the engine and this client know.</summary>
/// <remarks>
/// Docker.DotNet.Enhanced sends unversioned requests unless told a version, and pinning one (Testcontainers pins 1.44)
/// breaks on a Docker 20.10 engine, whose newest is 1.41. So the engine's <c>/version</c> is asked first, unversioned.
/// </remarks>
internal static class ApiVersionNegotiation
{
    /// <summary>The newest API version Docker.DotNet.Enhanced 4.3.3's models are generated from (Docker 29.4).</summary>
    internal static readonly Version ClientMaximum = new(1, 54);

    /// <summary>The oldest API version this runtime needs: one-shot stats and the event filters it uses came with Docker 20.10.</summary>
    internal static readonly Version RequiredMinimum = new(1, 41);

    /// <summary>The version to use with an engine whose newest API version is <paramref name="engineMaximum"/>.</summary>
    /// <param name="engineMaximum">The engine's <c>ApiVersion</c>, such as <c>1.41</c>.</param>
    /// <param name="endpoint">The engine, for the error message.</param>
    /// <returns>The lower of the engine's and the client's newest versions.</returns>
    /// <exception cref="ExperienceInfrastructureException">The engine's version is unreadable or older than <see cref="RequiredMinimum"/>.</exception>
    internal static Version Choose(string engineMaximum, Uri endpoint)
    {
        if (!Version.TryParse(engineMaximum, out var engine))
        {
            throw new ExperienceInfrastructureException(
                $"The Docker engine at {endpoint} reported API version '{engineMaximum}', which is not a version number.");
        }

        if (engine < RequiredMinimum)
        {
            throw new ExperienceInfrastructureException(string.Create(
                CultureInfo.InvariantCulture,
                $"The Docker engine at {endpoint} speaks API {engine} at most; ReSim.Testing needs {RequiredMinimum} (Docker 20.10) or newer. Update the engine."));
        }

        return engine < ClientMaximum ? engine : ClientMaximum;
    }
}
