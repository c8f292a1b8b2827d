using System.Net.Sockets;
using System.Text.Json;

namespace ReSim.Testing.Engine.Docker;

/// <summary>What Podman's own API (<c>/libpod</c>) tells of the host that its Docker-compatible one hides.</summary>
/// <remarks>
/// Podman's Docker-compatible <c>/info</c> claims memory, CPU and pids limits on any host; rootless Podman without cgroup
/// controllers (cgroups v1, or v2 without systemd's delegation) accepts limits and silently ignores them, and gives no
/// CPU or memory statistics. Its <c>/libpod/info</c> says so: <c>host.security.rootless</c> and
/// <c>host.cgroupControllers</c>.
/// </remarks>
internal static class PodmanHost
{
    private static readonly string[] MeasuredControllers = ["cpu", "memory", "pids"];
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(5);

    /// <summary>An HTTP client for Podman's own API at <paramref name="endpoint"/> (a unix socket or plain tcp).</summary>
    /// <param name="endpoint">The engine's endpoint.</param>
    /// <returns>A client whose relative URIs reach the engine.</returns>
    internal static HttpClient Client(Uri endpoint)
    {
        var handler = new SocketsHttpHandler();
        if (endpoint.Scheme == "unix")
        {
            var socket = endpoint.LocalPath;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(connection, ownsSocket: true);
            };
        }

        return new HttpClient(handler)
        {
            BaseAddress = endpoint.Scheme == "unix" ? new Uri("http://podman/") : new UriBuilder("http", endpoint.Host, endpoint.Port).Uri,
        };
    }

    /// <summary>Asks the engine at <paramref name="endpoint"/> what it cannot do as the platform does.</summary>
    /// <param name="endpoint">The engine's endpoint.</param>
    /// <param name="tls">Whether the endpoint speaks TLS, which this plain client cannot.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The limitations; none when the question cannot be asked (a TLS endpoint) or is not answered within 5 s.</returns>
    internal static async Task<IReadOnlyList<string>> LimitationsAsync(Uri endpoint, bool tls, CancellationToken cancellationToken)
    {
        if (tls || endpoint.Scheme is not ("unix" or "tcp"))
        {
            return [];
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(AnswerBound);
        try
        {
            using var http = Client(endpoint);
            using var info = JsonDocument.Parse(await http.GetStringAsync(new Uri("v4.0.0/libpod/info", UriKind.Relative), bound.Token).ConfigureAwait(false));
            return Limitations(info.RootElement);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or SocketException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }

    /// <summary>The limitations that Podman's <c>/libpod/info</c> answer shows.</summary>
    /// <param name="info">The answer.</param>
    /// <returns>One sentence per limitation.</returns>
    internal static IReadOnlyList<string> Limitations(JsonElement info)
    {
        if (!info.TryGetProperty("host", out var host)
            || !(host.TryGetProperty("security", out var security) && security.TryGetProperty("rootless", out var rootless) && rootless.ValueKind == JsonValueKind.True))
        {
            return [];
        }

        var controllers = host.TryGetProperty("cgroupControllers", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => c.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        var missing = MeasuredControllers.Where(c => !controllers.Contains(c)).ToList();
        return missing.Count == 0
            ? []
            : [$"This engine is rootless Podman without the {string.Join(", ", missing)} cgroup controller{(missing.Count == 1 ? string.Empty : "s")} (cgroups v1, or v2 without systemd's delegation): it ignores the resource limits of `deploy.resources` (R13) and gives no CPU or memory samples (R22), so neither is as on the platform. Use rootful Podman or Docker, or rootless Podman on cgroups v2 with delegation."];
    }
}
