using System.Text.Json;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reads the Docker CLI's JSON files (<c>config.json</c>, a context's <c>meta.json</c>), with errors that name the file and line.</summary>
internal static class DockerConfigJson
{
    /// <summary>Parses <paramref name="file"/>.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ExperienceInfrastructureException">It is not JSON.</exception>
    internal static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new ExperienceInfrastructureException(
                $"{file} is not valid JSON (line {e.LineNumber + 1}: {e.Message}). Correct it; `docker login` and `docker context` rewrite it.", e);
        }
    }
}
