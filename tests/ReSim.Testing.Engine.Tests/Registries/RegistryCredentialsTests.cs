using System.Text;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Tests.Docker;
using ReSim.Testing.Engine.Tests.Fixtures;

namespace ReSim.Testing.Engine.Tests.Registries;

/// <summary>
/// Pulls from a local registry with basic auth, with the credentials the Docker CLI would use: config.json's auths, a
/// credHelpers entry and a credsStore, each helper a script written by the test and run by the product as a process.
/// </summary>
/// <remarks>Docker only: Podman pulls from a plain-http registry only when its registries.conf marks it insecure.</remarks>
public sealed class RegistryCredentialsTests(LocalRegistry registry) : IClassFixture<LocalRegistry>, IAsyncDisposable
{
    private readonly string config = Directory.CreateTempSubdirectory("resim-docker-config-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await ToolProcess.RunAsync("docker", "rmi", registry.Image);
        Directory.Delete(config, recursive: true);
    }

    [Fact]
    public async Task The_auths_of_config_json_in_DOCKER_CONFIG_let_the_pull_through()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.User}:{LocalRegistry.Password}"));
        WriteConfig($$"""{ "auths": { "{{registry.Host}}": { "auth": "{{auth}}" } } }""");

        await PullAsync();

        Assert.Equal(0, (await ToolProcess.RunAsync("docker", "image", "inspect", registry.Image)).ExitCode);
    }

    [Fact]
    public async Task A_credHelpers_entry_runs_docker_credential_NAME_get_with_the_registry_on_stdin()
    {
        var asked = WriteHelper("resimtest", $$"""{"ServerURL":"{{registry.Host}}","Username":"{{LocalRegistry.User}}","Secret":"{{LocalRegistry.Password}}"}""");
        WriteConfig($$"""{ "credsStore": "resim-absent", "credHelpers": { "{{registry.Host}}": "resimtest" } }""");

        await PullAsync();

        Assert.Equal(registry.Host, File.ReadAllText(asked));
        Assert.Equal(0, (await ToolProcess.RunAsync("docker", "image", "inspect", registry.Image)).ExitCode);
    }

    [Fact]
    public async Task A_credsStore_with_no_credentials_for_the_registry_pulls_anonymously_and_the_refusal_says_to_log_in()
    {
        var asked = WriteHelper("resimempty", "credentials not found in native keychain", exitCode: 1);
        WriteConfig("""{ "credsStore": "resimempty" }""");

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(PullAsync);

        Assert.Equal(registry.Host, File.ReadAllText(asked));
        Assert.Contains($"Service 'robot' needs image '{registry.Image}', and pulling it failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused an anonymous pull (log in with `docker login`)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_naming_the_registry_whose_credentials_were_sent()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.User}:wrong"));
        WriteConfig($$"""{ "auths": { "{{registry.Host}}": { "auth": "{{auth}}" } } }""");

        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(PullAsync);

        Assert.Contains($"the credentials of {registry.Host} from the Docker configuration", error.Message, StringComparison.Ordinal);
    }

    private async Task PullAsync()
    {
        var variables = new Dictionary<string, string> { ["DOCKER_CONFIG"] = config };
        await using var runtime = new DockerRuntime(new DockerRuntimeOptions { Variables = name => variables.GetValueOrDefault(name) });
        EngineReport.Write(await runtime.ConnectAsync(Token));
        await runtime.EnsureImageAsync("robot", registry.Image, PullPolicy.Always, Token);
    }

    private void WriteConfig(string json) => File.WriteAllText(Path.Combine(config, "config.json"), json);

    // The helper is found on PATH, as the Docker CLI finds it; the folder is this test's own.
    private string WriteHelper(string name, string answer, int exitCode = 0)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The credential helper here is a shell script; these tests run on Linux and macOS.");
        }

        var bin = Directory.CreateDirectory(Path.Combine(config, "bin")).FullName;
        var asked = Path.Combine(config, name + ".asked");
        var script = Path.Combine(bin, "docker-credential-" + name);
        File.WriteAllText(script, $"#!/bin/sh\n[ \"$1\" = get ] || exit 2\ncat > '{asked}'\necho '{answer}'\nexit {exitCode}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!path.Split(':').Contains(bin))
        {
            Environment.SetEnvironmentVariable("PATH", bin + ":" + path);
        }

        return asked;
    }
}
