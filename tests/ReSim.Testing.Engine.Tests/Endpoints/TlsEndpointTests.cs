using System.Security.Cryptography;
using System.Text;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Tests.Endpoints;

/// <summary>A real TLS endpoint of the engine on 127.0.0.1 that demands a client certificate, reached the ways the Docker CLI reaches one.</summary>
public sealed class TlsEndpointTests(TlsEngine engine) : IClassFixture<TlsEngine>, IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("resim-tls-home-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(home, recursive: true);

    [Fact]
    public async Task DOCKER_HOST_with_DOCKER_TLS_VERIFY_and_DOCKER_CERT_PATH_connects_with_the_client_certificate()
    {
        var info = await ConnectAsync(new()
        {
            ["DOCKER_HOST"] = engine.Endpoint.ToString(),
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = engine.ClientFolder,
        });

        Assert.Equal(engine.Endpoint.ToString(), info.Endpoint);
        Assert.Equal("Docker", info.Engine);
        Assert.Equal("1.41", info.ApiVersion);
    }

    [Fact]
    public async Task The_current_context_of_config_json_connects_with_the_contexts_TLS_files()
    {
        var config = Path.Combine(home, ".docker");
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("tls-test"))).ToLowerInvariant();
        var meta = Directory.CreateDirectory(Path.Combine(config, "contexts", "meta", id)).FullName;
        var tls = Directory.CreateDirectory(Path.Combine(config, "contexts", "tls", id, "docker")).FullName;
        foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
        {
            File.Copy(Path.Combine(engine.ClientFolder, file), Path.Combine(tls, file));
        }

        var context = new { Name = "tls-test", Metadata = new { }, Endpoints = new { docker = new { Host = engine.Endpoint.ToString(), SkipTLSVerify = false } } };
        File.WriteAllText(Path.Combine(meta, "meta.json"), System.Text.Json.JsonSerializer.Serialize(context));
        File.WriteAllText(Path.Combine(config, "config.json"), """{"currentContext":"tls-test"}""");

        var info = await ConnectAsync([]);

        Assert.Equal(engine.Endpoint.ToString(), info.Endpoint);
        Assert.Equal("1.41", info.ApiVersion);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_engine_refuses_and_the_error_names_the_endpoint_and_its_source()
    {
        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => ConnectAsync(new() { ["DOCKER_HOST"] = engine.Endpoint.ToString() }));

        Assert.Contains($"No Docker or Podman engine answered at {engine.Endpoint} (DOCKER_HOST)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_certificate_from_another_CA_is_refused_under_DOCKER_TLS_VERIFY()
    {
        var certs = Directory.CreateDirectory(Path.Combine(home, "certs")).FullName;
        File.Copy(Path.Combine(engine.ClientFolder, "cert.pem"), Path.Combine(certs, "cert.pem"));
        File.Copy(Path.Combine(engine.ClientFolder, "key.pem"), Path.Combine(certs, "key.pem"));
        // The client's own certificate stands in for a CA that did not sign the engine's.
        File.Copy(Path.Combine(engine.ClientFolder, "cert.pem"), Path.Combine(certs, "ca.pem"));

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => ConnectAsync(new()
        {
            ["DOCKER_HOST"] = engine.Endpoint.ToString(),
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = certs,
        }));

        Assert.Contains($"No Docker or Podman engine answered at {engine.Endpoint}", error.Message, StringComparison.Ordinal);
    }

    private async Task<Runtime.RuntimeInfo> ConnectAsync(Dictionary<string, string> variables)
    {
        await using var runtime = new DockerRuntime(new DockerRuntimeOptions
        {
            Variables = name => variables.GetValueOrDefault(name),
            HomeFolder = home,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
        var info = await runtime.ConnectAsync(Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"engine: {info.Engine} {info.ServerVersion} at {info.Endpoint} over TLS");
        return info;
    }
}
