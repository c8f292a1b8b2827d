using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Turns the engine's refusals and lost connections into <see cref="ExperienceInfrastructureException"/>s that say what failed.</summary>
internal static class EngineErrors
{
    /// <summary>Runs one engine call, rethrowing engine failures as infrastructure errors.</summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="what">What was being done, to complete "The Docker engine could not ...", such as "start service 'robot'".</param>
    /// <param name="call">The call.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="ExperienceInfrastructureException">The engine refused the call or could not be reached.</exception>
    internal static async Task<T> GuardAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsEngineFailure(e))
        {
            throw new ExperienceInfrastructureException($"The Docker engine could not {what}: {MessageOf(e)}.", e);
        }
    }

    /// <summary>Runs one engine call that returns nothing, rethrowing engine failures as infrastructure errors.</summary>
    /// <param name="what">What was being done.</param>
    /// <param name="call">The call.</param>
    /// <returns>A task that completes with the call.</returns>
    internal static Task GuardAsync(string what, Func<Task> call) => GuardAsync(what, async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>The engine's own words for a failure: the <c>message</c> of its error body when there is one.</summary>
    /// <param name="e">The failure.</param>
    /// <returns>The message, without a final period.</returns>
    internal static string MessageOf(Exception e)
    {
        if (e is DockerApiException { ResponseBody: { Length: > 0 } body })
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message)
                    && message.GetString() is { Length: > 0 } text)
                {
                    return text.TrimEnd('.');
                }
            }
            catch (JsonException)
            {
                return body.Trim().TrimEnd('.');
            }
        }

        return (e.InnerException is { } inner && e is not DockerApiException ? MessageOf(inner) : e.Message).TrimEnd('.');
    }

    private static bool IsEngineFailure(Exception e) => e is DockerApiException or HttpRequestException or IOException or SocketException;
}
