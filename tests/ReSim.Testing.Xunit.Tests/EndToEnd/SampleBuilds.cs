using ReSim.Testing.Configuration;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>Builds the samples once, into a folder of their own, so a solution build running beside these tests never shares their output.</summary>
public sealed class SampleBuilds : IAsyncLifetime
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public static string RepositoryRoot { get; } =
        Path.GetFullPath(Path.Combine(ProjectDirectory.Of(typeof(SampleBuilds).Assembly).Path, "..", ".."));

    public string ArtifactsPath { get; } = Directory.CreateTempSubdirectory("resim-samples-").FullName;

    public static string Project(string sample) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "samples", sample), "*.csproj").Single();

    public async ValueTask InitializeAsync()
    {
        foreach (var sample in new[] { "MultiNode", "FailingExperience", "OneClass" })
        {
            var (exitCode, output) = await ProcessRunner.RunAsync(
                "dotnet",
                ["build", Project(sample), "--artifacts-path", ArtifactsPath, "-nologo", "-v", "q"],
                RepositoryRoot,
                BuildTimeout,
                CancellationToken.None);
            Assert.True(exitCode == 0, $"building samples/{sample} failed:\n{output}");
        }
    }

    /// <summary>Runs <c>dotnet test</c> on a built sample with a TRX report in a new results folder.</summary>
    public Task<(int ExitCode, string Output, string ResultsDirectory)> TestAsync(string sample, string[] arguments, CancellationToken cancellationToken, string? resultsDirectory = null) =>
        TestAsync(sample, arguments, new Dictionary<string, string>(), cancellationToken, resultsDirectory);

    /// <summary>As above, with <paramref name="variables"/> in the environment, as a pipeline sets them.</summary>
    public async Task<(int ExitCode, string Output, string ResultsDirectory)> TestAsync(
        string sample, string[] arguments, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken, string? resultsDirectory = null)
    {
        var results = resultsDirectory ?? Path.Combine(ArtifactsPath, "results-" + Guid.NewGuid().ToString("N"));
        var (exitCode, output) = await ProcessRunner.RunAsync(
            "dotnet",
            ["test", "--project", Project(sample), "--no-build", "--artifacts-path", ArtifactsPath, "--report-trx", "--results-directory", results, .. arguments],
            RepositoryRoot,
            variables,
            BuildTimeout,
            cancellationToken);
        return (exitCode, output, results);
    }

    /// <summary>Lists the tests of a built sample (the TRX report cannot be combined with listing).</summary>
    public Task<(int ExitCode, string Output)> ListAsync(string sample, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            "dotnet",
            ["test", "--project", Project(sample), "--no-build", "--artifacts-path", ArtifactsPath, "--list-tests"],
            RepositoryRoot,
            BuildTimeout,
            cancellationToken);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(ArtifactsPath, recursive: true);
        return ValueTask.CompletedTask;
    }
}
