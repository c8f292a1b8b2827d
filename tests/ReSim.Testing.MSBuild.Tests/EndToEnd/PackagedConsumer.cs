using System.Globalization;

namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>
/// Packs ReSim.Testing's packages once into a temporary feed and lays out a consumer project that restores them from
/// it, with its own NUGET_PACKAGES folder: the state every end-to-end test of a class starts from.
/// </summary>
/// <remarks>
/// The packages get a version of their own (<c>0.0.0-e2e.*</c>) so no cache can serve an older build. Packing uses
/// its own artifacts folder, so the worktree's bin/ and obj/ are left alone. Restore still reaches this machine's usual
/// sources (for xunit.v3), and reads the machine's package folder as a fallback so nothing is downloaded twice.
/// </remarks>
public sealed class PackagedConsumer : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private static readonly string[] PackedProjects =
    [
        "src/ReSim.Testing.Compose/ReSim.Testing.Compose.csproj",
        "src/ReSim.Testing.Engine/ReSim.Testing.Engine.csproj",
        "src/ReSim.Testing.Xunit/ReSim.Testing.Xunit.csproj",
        "src/ReSim.Testing.MSBuild/ReSim.Testing.MSBuild.csproj",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("resim-e2e-").FullName;

    public string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}");

    public string Feed => Path.Combine(root, "feed");

    public string ConsumerDirectory => Path.Combine(root, "consumer");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
    };

    public async ValueTask InitializeAsync()
    {
        var repository = RepositoryRoot();
        foreach (var project in PackedProjects)
        {
            var pack = await DotnetCli.RunAsync(
                repository,
                Environment,
                PackTimeout,
                "pack",
                Path.Combine(repository, project),
                "-o",
                Feed,
                "--artifacts-path",
                Path.Combine(root, "artifacts"),
                $"-p:Version={Version}",
                "-nodeReuse:false",
                "-tl:off");
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"Packing failed, so no end-to-end test can run. {pack}");
            }
        }

        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Consumer"), ConsumerDirectory);
        var projectFile = Path.Combine(ConsumerDirectory, "Consumer.csproj");
        File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace("@ReSimVersion@", Version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(ConsumerDirectory, "NuGet.config"), NuGetConfig());
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs <c>dotnet</c> in the consumer's folder.</summary>
    public Task<CliResult> DotnetAsync(TimeSpan timeout, params string[] arguments) =>
        DotnetCli.RunAsync(ConsumerDirectory, Environment, timeout, arguments);

    /// <summary>Runs <c>dotnet</c> in the consumer's folder with <paramref name="variables"/> added to its environment, as a pipeline sets them.</summary>
    public Task<CliResult> DotnetWithAsync(IReadOnlyDictionary<string, string> variables, TimeSpan timeout, params string[] arguments) =>
        DotnetCli.RunAsync(ConsumerDirectory, Environment.Concat(variables).ToDictionary(), timeout, arguments);

    // No <clear/>: the consumer keeps the sources of the machine's own NuGet configuration and adds the feed.
    private string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="resim-e2e" value="{Feed}" />
          </packageSources>
          <fallbackPackageFolders>
            <add key="machine" value="{MachinePackagesFolder()}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    private static string MachinePackagesFolder() =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReSim.Testing.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ReSim.Testing.sln above {AppContext.BaseDirectory}; run the tests from the repository's build output.");
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
