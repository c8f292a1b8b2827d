using System.Diagnostics;
using System.Net;
using ReSim.Testing.Engine.Tests.Docker;
using ReSim.Testing.Engine.Tests.Fixtures;

namespace ReSim.Testing.Engine.Tests.Registries;

/// <summary>
/// Debian's docker-registry on 127.0.0.1 with htpasswd basic auth, holding the test image (pushed with the docker CLI
/// under a temporary --config), for the class; stopped and removed after it.
/// </summary>
public sealed class LocalRegistry : IAsyncLifetime
{
    public const string User = "resim";
    public const string Password = "s3cret-for-tests";

    private Process? registry;

    public string Folder { get; } = Directory.CreateTempSubdirectory("resim-registry-").FullName;

    public int Port { get; } = LoopbackPort.Free();

    public string Host => $"127.0.0.1:{Port}";

    public string Image => $"{Host}/{TestImages.Busybox}";

    public async ValueTask InitializeAsync()
    {
        var htpasswd = await ToolProcess.RunAsync("htpasswd", "-Bbn", User, Password);
        Assert.True(htpasswd.ExitCode == 0, "htpasswd (Debian's apache2-utils) is needed: " + htpasswd.Output);
        await File.WriteAllTextAsync(Path.Combine(Folder, "htpasswd"), htpasswd.Output);
        await File.WriteAllTextAsync(Path.Combine(Folder, "config.yml"), string.Join('\n',
            "version: 0.1",
            "log:",
            "  level: warn",
            "storage:",
            "  filesystem:",
            $"    rootdirectory: {Path.Combine(Folder, "data")}",
            "http:",
            $"  addr: \"{Host}\"",
            "auth:",
            "  htpasswd:",
            "    realm: resim-tests",
            $"    path: {Path.Combine(Folder, "htpasswd")}"));
        registry = Process.Start(new ProcessStartInfo("docker-registry", ["serve", Path.Combine(Folder, "config.yml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("docker-registry (Debian's docker-registry package) could not be started");
        _ = registry.StandardOutput.ReadToEndAsync();
        _ = registry.StandardError.ReadToEndAsync();
        await WaitUntilAnsweringAsync();

        // What `docker login` writes, written directly: the CLI would put it in a desktop keyring where one is installed.
        var login = Directory.CreateDirectory(Path.Combine(Folder, "login")).FullName;
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));
        await File.WriteAllTextAsync(Path.Combine(login, "config.json"), $$"""{ "auths": { "{{Host}}": { "auth": "{{auth}}" } } }""");
        var steps = new[]
        {
            await ToolProcess.RunAsync("docker", "tag", TestImages.Busybox, Image),
            await ToolProcess.RunAsync("docker", "--config", login, "push", Image),
            await ToolProcess.RunAsync("docker", "rmi", Image),
        };
        Assert.All(steps, step => Assert.True(step.ExitCode == 0, step.Output));
    }

    public async ValueTask DisposeAsync()
    {
        await ToolProcess.RunAsync("docker", "rmi", Image);
        if (registry is not null)
        {
            registry.Kill(entireProcessTree: true);
            await registry.WaitForExitAsync();
            registry.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Host}/v2/"));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail($"the registry did not answer on {Host}");
    }
}
