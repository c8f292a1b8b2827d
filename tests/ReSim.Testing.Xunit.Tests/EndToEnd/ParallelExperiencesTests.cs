using System.Globalization;
using System.Text;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.EndToEnd;

/// <summary>
/// RESIM_MAX_PARALLEL_EXPERIENCES gives the parallelism it names once xUnit lets its tests overlap, and the slot line
/// tells the truth when xUnit does not: measured from the engine's start and exit events of a generated consumer's
/// experiences (one per test class), not from wall time.
/// </summary>
[EndToEnd]
public sealed class ParallelExperiencesTests : IAsyncLifetime
{
    private const int Experiences = 3;
    private readonly string folder = Directory.CreateTempSubdirectory("resim-parallel-").FullName;
    private readonly string probe = "probe-" + Guid.NewGuid().ToString("N")[..8];

    public async ValueTask InitializeAsync()
    {
        var root = SampleBuilds.RepositoryRoot;
        File.Copy(Path.Combine(root, "global.json"), Path.Combine(folder, "global.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "Parallel.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{root}/src/ReSim.Testing.Xunit/buildTransitive/ReSim.Testing.Xunit.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <TestingPlatformDotnetTestSupport>true</TestingPlatformDotnetTestSupport>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="4.0.2" />
                <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" Version="2.5.2" />
                <ProjectReference Include="{root}/src/ReSim.Testing.Xunit/ReSim.Testing.Xunit.csproj" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "compose.yml"), $$"""
            services:
              {{probe}}:
                image: {{TestEngine.Image}}
                labels: { resim.ai/isTestOrchestrator: "true" }
                command: ["sh", "-c", "sleep 3"]
            """);
        // One class per experience: xUnit runs the tests of one class one after another.
        await File.WriteAllTextAsync(Path.Combine(folder, "Tests.cs"), string.Concat(Enumerable.Range(0, Experiences).Select(i => $$"""
            public class Experience{{i}} { [ReSim.Testing.ComposeExperience("compose.yml")] public void Runs() { } }

            """)));
        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", ["build", folder, "-nologo", "-v", "q", "--artifacts-path", Path.Combine(folder, "artifacts")], folder, TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.True(exitCode == 0, $"building the generated consumer failed:\n{output}");
    }

    [RequiresEngine]
    [Fact]
    public async Task With_the_aggressive_algorithm_the_limit_is_reached_on_a_machine_with_fewer_processors()
    {
        var (output, overlap) = await RunAsync("--parallel-algorithm", "aggressive", "--max-threads", "1");

        Assert.Equal(Experiences, overlap);
        Assert.Contains($"(at most {Experiences} at once, from the RESIM_MAX_PARALLEL_EXPERIENCES environment variable).", output, StringComparison.Ordinal);
    }

    [RequiresEngine]
    [Fact]
    public async Task With_xunit_s_default_algorithm_and_one_thread_one_runs_at_a_time_and_the_slot_line_says_so()
    {
        var (output, overlap) = await RunAsync("--max-threads", "1");

        Assert.Equal(1, overlap);
        Assert.Contains("but xUnit starts at most 1 tests at once here (maxParallelThreads 1 with the conservative algorithm), so at most 1 experiences run together.", output, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    // Runs the consumer's tests with the limit set to the number of experiences; returns the tests' output (from the TRX
    // report) and how many of its orchestrators the engine had running at once at most.
    private async Task<(string Output, int Overlap)> RunAsync(params string[] xunitArguments)
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);
        string testOutput;
        // The engine's events are watched live from before the run. Asked afterwards, `docker events --since` replays
        // only the engine's last 256 events, which a busy engine (the rest of the suite running beside this test)
        // overwrites within the minute this run takes; that lost one event of six once.
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var events = new StringBuilder();
        using var watch = ChildProcess.StartCollecting(
            ChildProcess.Describe(
                "docker",
                ["events", "--since", since, "--filter", $"label=ai.resim.testing.service={probe}", "--filter", "event=start", "--filter", "event=die", "--format", "{{.TimeNano}} {{.Action}}"]),
            events);
        string[] lines;
        try
        {
            var results = Path.Combine(folder, "results-" + Guid.NewGuid().ToString("N"));
            var (exitCode, output) = await ProcessRunner.RunAsync(
                "env",
                [$"RESIM_MAX_PARALLEL_EXPERIENCES={Experiences}", "dotnet", "test", "--project", folder, "--no-build", "--artifacts-path", Path.Combine(folder, "artifacts"),
                    "--report-trx", "--results-directory", results, "--", .. xunitArguments],
                folder,
                TimeSpan.FromMinutes(5),
                TestContext.Current.CancellationToken);
            Assert.True(exitCode == 0, output);
            testOutput = string.Join(Environment.NewLine, Trx.Load(results).Results.Select(r => r.StdOut));

            // Every container has died by now (the run ended after its teardown); the stream may deliver the last event a moment later.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((lines = Lines(events)).Length < 2 * Experiences && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
        }

        var changes = lines.Select(line => line.Split(' '))
            .Select(parts => (At: long.Parse(parts[0], CultureInfo.InvariantCulture), Delta: parts[1] == "start" ? 1 : -1))
            .OrderBy(change => change.At).ThenBy(change => change.Delta).ToList();
        Assert.Equal(2 * Experiences, changes.Count);
        var running = 0;
        var most = 0;
        foreach (var change in changes)
        {
            running += change.Delta;
            most = Math.Max(most, running);
        }

        return (testOutput, most);
    }

    private static string[] Lines(StringBuilder events) => ChildProcess.Text(events).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
