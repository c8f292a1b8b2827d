using System.Diagnostics;
using System.Net.Sockets;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Connecting: API version negotiation with the real engine, and a clear, quick error when there is none.</summary>
public sealed class DockerRuntimeConnectTests
{
    [RequiresEngine]
    [Fact]
    public async Task Connecting_negotiates_the_lower_of_the_engines_and_the_clients_newest_API_version()
    {
        await using var run = await DockerTestRun.StartAsync();
        var (exitCode, engineApi, _) = await DockerCli.RunAsync("version", "--format", "{{.Server.APIVersion}}");

        Assert.Equal(0, exitCode);
        var expected = Version.Parse(engineApi.Trim()) < ApiVersionNegotiation.ClientMaximum ? Version.Parse(engineApi.Trim()) : ApiVersionNegotiation.ClientMaximum;
        Assert.Equal(expected.ToString(), run.Info.ApiVersion);
        Assert.True(run.Info.Architecture is "amd64" or "arm64", run.Info.Architecture);
        Assert.False(string.IsNullOrEmpty(run.Info.ServerVersion));
    }

    [Theory]
    [InlineData("unix:///nonexistent.sock")]
    [InlineData("tcp://127.0.0.1:1")]
    public async Task An_unreachable_engine_gives_a_clear_infrastructure_error_within_seconds(string endpoint)
    {
        await using var runtime = new DockerRuntime(new DockerRuntimeOptions { Endpoint = new Uri(endpoint), ConnectTimeout = TimeSpan.FromSeconds(3) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => runtime.ConnectAsync(DockerTestRun.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains(new Uri(endpoint).ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("Docker Desktop", error.Message, StringComparison.Ordinal);
        Assert.Contains("podman machine start", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/engines.md", error.Message, StringComparison.Ordinal);
        var guide = error.Message[(error.Message.LastIndexOf("See ", StringComparison.Ordinal) + 4)..^1];
        Assert.True(File.Exists(guide), $"the message points at {guide}, which is not a file on this machine");
        Assert.DoesNotContain("build/", error.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_never_answers_fails_at_the_connect_timeout_not_later()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        await using var runtime = new DockerRuntime(new DockerRuntimeOptions { Endpoint = new Uri($"tcp://127.0.0.1:{port}"), ConnectTimeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => runtime.ConnectAsync(DockerTestRun.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_socket_that_accepts_and_never_answers_every_later_connect_fails_at_once_with_the_same_clear_message()
    {
        var path = Path.Combine(Path.GetTempPath(), $"resim-silent-{Guid.NewGuid():N}.sock");
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        silent.Bind(new UnixDomainSocketEndPoint(path));
        silent.Listen();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                var connection = await silent.AcceptAsync(DockerTestRun.Token);
                lock (accepted)
                {
                    accepted.Add(connection);
                }
            }
        }, DockerTestRun.Token);
        try
        {
            await using var runtime = new DockerRuntime(new DockerRuntimeOptions { Endpoint = new Uri("unix://" + path), ConnectTimeout = TimeSpan.FromSeconds(2) });
            var first = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => runtime.ConnectAsync(DockerTestRun.Token));
            var clock = Stopwatch.StartNew();

            var later = new List<ExperienceInfrastructureException>();
            for (var i = 0; i < 20; i++)
            {
                later.Add(await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => runtime.ConnectAsync(DockerTestRun.Token)));
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"20 later connects took {clock.Elapsed}");
            Assert.Contains("no answer within 2 s", first.Message, StringComparison.Ordinal);
            Assert.All(later, e => Assert.StartsWith(first.Message + " (Seen at ", e.Message, StringComparison.Ordinal));
            Assert.All(later, e => Assert.Contains("this process tries the engine again from ", e.Message, StringComparison.Ordinal));
            lock (accepted)
            {
                Assert.Single(accepted);
            }
        }
        finally
        {
            File.Delete(path);
            lock (accepted)
            {
                accepted.ForEach(connection => connection.Dispose());
            }
        }

        // Closing the listener ends the accept loop with an error, which is all it can end with.
        silent.Dispose();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
    }

    [RequiresEngine]
    [Fact]
    public async Task Runs_sharing_a_runtime_connect_once()
    {
        await using var runtime = new DockerRuntime();

        var infos = await Task.WhenAll(runtime.ConnectAsync(DockerTestRun.Token), runtime.ConnectAsync(DockerTestRun.Token));

        Assert.Same(infos[0], infos[1]);
        Assert.Same(infos[0], await runtime.ConnectAsync(DockerTestRun.Token));
    }

    [Fact]
    public async Task Using_the_runtime_before_connecting_says_to_connect_first()
    {
        await using var runtime = new DockerRuntime();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.RemoveRunAsync("none", DockerTestRun.Token));

        Assert.Contains("ConnectAsync", error.Message, StringComparison.Ordinal);
    }
}
