using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Runs a Docker credential helper (<c>docker-credential-NAME get</c>) the way the Docker CLI does.</summary>
/// <remarks>
/// The protocol: the registry goes to the helper's standard input; it prints <c>{"ServerURL","Username","Secret"}</c>, where
/// the user <c>&lt;token&gt;</c> means the secret is an identity token, or fails saying "credentials not found", which
/// means anonymous access. The helper is found on <c>PATH</c>.
/// </remarks>
internal static class CredentialHelper
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Asks helper <paramref name="name"/> for <paramref name="registry"/>'s credentials.</summary>
    /// <param name="name">The helper's name, as in <c>credsStore</c> or <c>credHelpers</c> (such as <c>pass</c> or <c>ecr-login</c>).</param>
    /// <param name="registry">The registry.</param>
    /// <param name="cancellationToken">Cancels the helper.</param>
    /// <returns>The credentials, or <see langword="null"/> when it has none for the registry.</returns>
    /// <exception cref="ExperienceInfrastructureException">The helper is missing, failed, or answered something else.</exception>
    internal static async Task<AuthConfig?> GetAsync(string name, string registry, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + name;
        var start = new ProcessStartInfo(program, "get") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            throw new ExperienceInfrastructureException(
                $"The Docker configuration names the credential helper '{name}' for {registry}, but {program} could not be run ({e.Message}). " +
                $"Install it on PATH, or remove it from credsStore/credHelpers in config.json.", e);
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Bound);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.StandardInput.WriteAsync(registry.AsMemory(), limit.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new ExperienceInfrastructureException($"The credential helper {program} gave no answer for {registry} within {Bound.TotalSeconds:0} s.");
            }

            var output = (await stdout.ConfigureAwait(false)).Trim();
            var error = (await stderr.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
            {
                return $"{output} {error}".Contains("credentials not found", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : throw new ExperienceInfrastructureException(
                        $"The credential helper {program} failed for {registry} (exit code {process.ExitCode}): {(error.Length > 0 ? error : output)}.");
            }

            return Parse(output, program, registry);
        }
    }

    private static AuthConfig Parse(string output, string program, string registry)
    {
        try
        {
            using var json = JsonDocument.Parse(output);
            var user = json.RootElement.GetProperty("Username").GetString() ?? string.Empty;
            var secret = json.RootElement.GetProperty("Secret").GetString() ?? string.Empty;
            return user == "<token>"
                ? new AuthConfig { ServerAddress = registry, IdentityToken = secret }
                : new AuthConfig { ServerAddress = registry, Username = user, Password = secret };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ExperienceInfrastructureException(
                $"The credential helper {program} answered for {registry} with something other than {{\"Username\",\"Secret\"}} JSON.", e);
        }
    }
}
