using System.Security.Cryptography;
using System.Text;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Endpoint resolution as the Docker CLI does it, against temporary DOCKER_CONFIG folders.</summary>
public sealed class DockerEndpointTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("resim-endpoint-").FullName;
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);

    private string Config => Path.Combine(home, ".docker");

    public void Dispose() => Directory.Delete(home, recursive: true);

    [Theory]
    [InlineData(false, "unix:///var/run/docker.sock")]
    [InlineData(true, "npipe://./pipe/docker_engine")]
    public void With_nothing_set_it_is_the_platform_default(bool windows, string expected)
    {
        var endpoint = Resolve(windows: windows);

        Assert.Equal(new EngineEndpoint(new Uri(expected), "the platform's default"), endpoint);
    }

    [Fact]
    public void The_configured_endpoint_wins_over_DOCKER_HOST_and_contexts()
    {
        environment["DOCKER_HOST"] = "unix:///from/env.sock";
        environment["DOCKER_CONTEXT"] = "remote";

        Assert.Equal("tcp://configured:2375/", Resolve(new Uri("tcp://configured:2375")).Uri.ToString());
    }

    [Fact]
    public void DOCKER_HOST_wins_over_DOCKER_CONTEXT_and_the_current_context_as_in_the_Docker_CLI()
    {
        WriteContext("remote", "tcp://remote:2376");
        WriteConfig("remote");
        environment["DOCKER_CONTEXT"] = "remote";
        environment["DOCKER_HOST"] = " unix:///from/env.sock ";

        Assert.Equal(new EngineEndpoint(new Uri("unix:///from/env.sock"), "DOCKER_HOST"), Resolve());
    }

    [Fact]
    public void DOCKER_CONTEXT_wins_over_the_current_context_of_config_json()
    {
        WriteContext("ci", "unix:///run/ci.sock");
        WriteContext("laptop", "unix:///run/laptop.sock");
        WriteConfig("laptop");
        environment["DOCKER_CONTEXT"] = "ci";

        var endpoint = Resolve();

        Assert.Equal("unix:///run/ci.sock", endpoint.Uri.ToString());
        Assert.Equal("Docker context 'ci' (from DOCKER_CONTEXT)", endpoint.Source);
        Assert.Null(endpoint.Tls);
    }

    [Fact]
    public void The_current_context_of_config_json_in_DOCKER_CONFIG_is_used_with_its_TLS_files()
    {
        var config = Path.Combine(home, "elsewhere");
        environment["DOCKER_CONFIG"] = config;
        WriteContext("secure", "tcp://engine.example:2376", config);
        WriteConfig("secure", config);
        var tls = Path.Combine(config, "contexts", "tls", Id("secure"), "docker");
        Directory.CreateDirectory(tls);
        foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
        {
            File.WriteAllText(Path.Combine(tls, file), "pem");
        }

        var endpoint = Resolve();

        Assert.Equal("tcp://engine.example:2376/", endpoint.Uri.ToString());
        Assert.Equal($"Docker context 'secure' (from {Path.Combine(config, "config.json")})", endpoint.Source);
        Assert.Equal(new TlsSettings(Path.Combine(tls, "ca.pem"), Path.Combine(tls, "cert.pem"), Path.Combine(tls, "key.pem"), Verify: true), endpoint.Tls);
    }

    [Fact]
    public void A_context_with_SkipTLSVerify_does_not_check_the_engines_certificate()
    {
        WriteContext("lab", "tcp://lab:2376", skipTlsVerify: true);
        environment["DOCKER_CONTEXT"] = "lab";

        Assert.False(Resolve().Tls!.Verify);
    }

    [Fact]
    public void The_context_default_is_the_platform_default()
    {
        WriteConfig("default");

        Assert.Equal("unix:///var/run/docker.sock", Resolve().Uri.ToString());
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_takes_the_certificates_from_DOCKER_CERT_PATH()
    {
        var certs = Path.Combine(home, "certs");
        Directory.CreateDirectory(certs);
        File.WriteAllText(Path.Combine(certs, "cert.pem"), "pem");
        File.WriteAllText(Path.Combine(certs, "key.pem"), "pem");
        environment["DOCKER_HOST"] = "tcp://127.0.0.1:2376";
        environment["DOCKER_TLS_VERIFY"] = "1";
        environment["DOCKER_CERT_PATH"] = certs;

        // No ca.pem there: the system's trust store checks the engine.
        Assert.Equal(new TlsSettings(null, Path.Combine(certs, "cert.pem"), Path.Combine(certs, "key.pem"), Verify: true), Resolve().Tls);
    }

    [Fact]
    public void DOCKER_TLS_alone_encrypts_without_checking_and_reads_the_config_folder()
    {
        Directory.CreateDirectory(Config);
        File.WriteAllText(Path.Combine(Config, "ca.pem"), "pem");
        environment["DOCKER_HOST"] = "tcp://127.0.0.1:2376";
        environment["DOCKER_TLS"] = "1";

        Assert.Equal(new TlsSettings(Path.Combine(Config, "ca.pem"), null, null, Verify: false), Resolve().Tls);
    }

    [Fact]
    public void A_context_that_does_not_exist_is_an_error_that_says_how_to_list_them()
    {
        environment["DOCKER_CONTEXT"] = "gone";

        var error = Assert.Throws<ExperienceInfrastructureException>(() => Resolve());

        Assert.Contains("DOCKER_CONTEXT names the Docker context 'gone', which does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Config, "contexts", "meta", Id("gone"), "meta.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("docker context ls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_json_that_is_not_JSON_is_an_error_naming_the_file_and_line()
    {
        Directory.CreateDirectory(Config);
        File.WriteAllText(Path.Combine(Config, "config.json"), "{\n  \"currentContext\": \n}");

        var error = Assert.Throws<ExperienceInfrastructureException>(() => Resolve());

        Assert.Contains($"{Path.Combine(Config, "config.json")} is not valid JSON (line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DOCKER_HOST_that_is_no_URI_is_a_clear_infrastructure_error()
    {
        environment["DOCKER_HOST"] = "not a uri";

        var error = Assert.Throws<ExperienceInfrastructureException>(() => Resolve());

        Assert.Contains("DOCKER_HOST is 'not a uri'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ssh_endpoint_is_refused_with_how_to_forward_the_socket_instead()
    {
        await using var runtime = new DockerRuntime(new DockerRuntimeOptions { Endpoint = new Uri("ssh://user@build-host") });

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(() => runtime.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ssh://user@build-host", error.Message, StringComparison.Ordinal);
        Assert.Contains("ssh -NL /tmp/remote-docker.sock:/var/run/docker.sock user@host", error.Message, StringComparison.Ordinal);
    }

    private static string Id(string name) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();

    private EngineEndpoint Resolve(Uri? configured = null, bool windows = false) =>
        DockerEndpoint.Resolve(configured, name => environment.GetValueOrDefault(name), home, windows);

    private void WriteConfig(string currentContext, string? config = null)
    {
        Directory.CreateDirectory(config ?? Config);
        File.WriteAllText(Path.Combine(config ?? Config, "config.json"), $$"""{ "auths": {}, "currentContext": "{{currentContext}}" }""");
    }

    private void WriteContext(string name, string host, string? config = null, bool skipTlsVerify = false)
    {
        var folder = Path.Combine(config ?? Config, "contexts", "meta", Id(name));
        Directory.CreateDirectory(folder);
        var meta = new { Name = name, Metadata = new { Description = "test" }, Endpoints = new { docker = new { Host = host, SkipTLSVerify = skipTlsVerify } } };
        File.WriteAllText(Path.Combine(folder, "meta.json"), System.Text.Json.JsonSerializer.Serialize(meta));
    }
}
