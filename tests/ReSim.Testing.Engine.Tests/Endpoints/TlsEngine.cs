using ReSim.Testing.Engine.Tests.Fixtures;

namespace ReSim.Testing.Engine.Tests.Endpoints;

/// <summary>
/// The local engine behind a TLS endpoint on tcp://127.0.0.1 that, like dockerd --tlsverify, serves only clients with a
/// certificate of its openssl-made CA (build/tls-engine-proxy.sh), started for the class and stopped after it.
/// </summary>
public sealed class TlsEngine : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("resim-tls-").FullName;

    public int Port { get; } = LoopbackPort.Free();

    public Uri Endpoint => new($"tcp://127.0.0.1:{Port}");

    /// <summary>ca.pem, cert.pem and key.pem of a client the engine accepts.</summary>
    public string ClientFolder => Path.Combine(Folder, "client");

    public async ValueTask InitializeAsync()
    {
        var (exitCode, output) = await ScriptAsync("start", Folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, $"the TLS endpoint did not start (it needs openssl and socat): {output}");
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("stop", Folder);
        Directory.Delete(Folder, recursive: true);
    }


    private static Task<(int ExitCode, string Output)> ScriptAsync(params string[] arguments) =>
        ToolProcess.RunAsync("bash", [Path.Combine(RepositoryRoot(), "build", "tls-engine-proxy.sh"), .. arguments]);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReSim.Testing.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ReSim.Testing.sln not found above " + AppContext.BaseDirectory);
    }
}
