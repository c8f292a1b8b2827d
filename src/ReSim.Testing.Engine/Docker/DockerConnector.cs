using System.Globalization;
using Docker.DotNet;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reaches the engine within the connect timeout and builds a client that speaks the negotiated API version.</summary>
internal static class DockerConnector
{
    private static readonly TimeSpan VersionBound = TimeSpan.FromSeconds(60);

    /// <summary>Connects to the engine <paramref name="options"/> name.</summary>
    /// <param name="options">Where the engine is and how long to wait.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A client for the negotiated version, what the engine said of itself, and what it does differently.</returns>
    /// <exception cref="ExperienceInfrastructureException">No engine answered in time, or it is too old.</exception>
    internal static async Task<(DockerClient Client, RuntimeInfo Info, EngineCapabilities Engine)> ConnectAsync(DockerRuntimeOptions options, CancellationToken cancellationToken)
    {
        var endpoint = DockerEndpoint.Resolve(options);
        if (endpoint.Uri.Scheme == "ssh")
        {
            throw new ExperienceInfrastructureException(
                $"The engine endpoint {endpoint.Uri} ({endpoint.Source}) is an ssh:// one, which the Docker client library ReSim.Testing uses " +
                "(Docker.DotNet.Enhanced) cannot reach. Forward the remote socket instead, for example " +
                "`ssh -NL /tmp/remote-docker.sock:/var/run/docker.sock user@host`, and set DOCKER_HOST=unix:///tmp/remote-docker.sock.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            // Reachability is `/_ping`, which every engine answers at once; `/version` then gets longer, since Podman's
            // takes its store lock and can wait seconds behind other work.
            using var probe = Build(Builder(endpoint).WithTimeout(options.ConnectTimeout), endpoint);
            await probe.System.PingAsync(timeout.Token).ConfigureAwait(false);
            timeout.CancelAfter(options.ConnectTimeout + VersionBound);
            using var asker = Build(Builder(endpoint).WithTimeout(options.ConnectTimeout + VersionBound), endpoint);
            var version = await asker.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
            var apiVersion = ApiVersionNegotiation.Choose(version.APIVersion, endpoint.Uri);
            var client = Build(Builder(endpoint).WithApiVersion(apiVersion), endpoint);
            var engine = EngineCapabilities.Of(version);
            var info = new RuntimeInfo(endpoint.Uri.ToString(), version.Version, apiVersion.ToString(), version.Arch, engine.Name)
            {
                Limitations = engine.HidesHostLimits ? await PodmanHost.LimitationsAsync(endpoint.Uri, endpoint.Tls is not null, timeout.Token).ConfigureAwait(false) : [],
            };
            return (client, info, engine);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExperienceInfrastructureException(DockerEndpoint.Unreachable(
                endpoint, string.Create(CultureInfo.InvariantCulture, $"no answer within {options.ConnectTimeout.TotalSeconds:0.#} s")));
        }
        catch (Exception e) when (e is not OperationCanceledException and not ExperienceInfrastructureException)
        {
            // Transports fail in their own ways (HttpRequestException, SocketException, AggregateException, IOException):
            // whichever it is, the engine was not reached.
            throw new ExperienceInfrastructureException(DockerEndpoint.Unreachable(endpoint, Reason(endpoint, e)), e);
        }
    }

    private static DockerClientBuilder Builder(EngineEndpoint endpoint)
    {
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Uri);
        return endpoint.Tls is null || endpoint.Uri.Scheme != "tcp" ? builder : builder.WithAuthProvider(TlsCredentials.For(endpoint));
    }

    private static DockerClient Build(DockerClientBuilder builder, EngineEndpoint endpoint)
    {
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or DockerConfigurationException or SshDockerEndpointNotSupportedException)
        {
            throw new ExperienceInfrastructureException(
                $"The engine endpoint {endpoint.Uri} ({endpoint.Source}) cannot be used ({e.Message.TrimEnd('.')}). Use a unix://, npipe:// or tcp:// endpoint.", e);
        }
    }

    // A missing socket file surfaces as an obscure socket error ("Cannot assign requested address"); say what it is.
    private static string Reason(EngineEndpoint endpoint, Exception e) =>
        endpoint.Uri.Scheme != "unix" || File.Exists(endpoint.Uri.LocalPath)
            ? Innermost(e).Message.TrimEnd('.')
            : $"the socket {endpoint.Uri.LocalPath} does not exist";

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
