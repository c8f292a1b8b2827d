using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit3;

namespace ReSim.Testing.Compose.Tests.Loading;

/// <summary>The normalized model of realistic ReSim-style compose files, snapshotted (R1, R2, R8, R12, R13).</summary>
public class RealisticFixtureSnapshotTests
{
    private static readonly Dictionary<string, string> ExperienceVariables = new()
    {
        ["EXPERIENCE_NAME"] = "nightly-42",
        ["EXPERIENCE_SCENARIO"] = "warehouse-07",
    };

    public static TheoryData<string, string?> Fixtures => new()
    {
        { "realistic/compose.yml", "smoke" },
        { "realistic/compose.yml", "regression" },
        { "gpu-sim/compose.json", null },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_realistic_fixture_normalizes_to_its_snapshot(string fixture, string? profile)
    {
        var result = ComposeLoader.LoadFile(AppContext.BaseDirectory + "Fixtures/" + fixture, new ComposeLoadOptions
        {
            Profile = profile,
            Variables = ExperienceVariables,
            System = new SystemResources(8, 16L * 1024 * 1024 * 1024, ["0", "1"]),
        });

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.NotNull(result.Model);
        var name = fixture.Replace('/', '-').Replace('.', '-') + "-" + (profile ?? "no-profile");
        var snapshot = new SnapshotFullName($"{nameof(RealisticFixtureSnapshotTests)}.{nameof(A_realistic_fixture_normalizes_to_its_snapshot)}_{name}.snap", SnapshotFolder());
        // A missing snapshot would be written and pass: it must be in the repository (Snapshooter reads `__snapshots__` under the folder).
        var file = Path.Combine(snapshot.FolderPath, "__snapshots__", snapshot.Filename);
        Assert.True(File.Exists(file), $"no snapshot {file}");
        Snapshot.Match(Scrub(result), snapshot);
    }

    // The folder of this file in the source tree, found from the test's output folder: Snapshooter's own lookup
    // uses the compiler's path of this file, which a CI build maps to /_/ (ContinuousIntegrationBuild), where a missing
    // snapshot would simply be written.
    private static string SnapshotFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReSim.Testing.Compose.Tests.csproj")))
            {
                return Path.Combine(folder.FullName, "Loading");
            }
        }

        throw new InvalidOperationException($"The test project's folder is not above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// Machine-independent form: every path is made relative to the test's output folder, whatever the
    /// current directory; derived lists are kept by name only.
    /// </summary>
    private static JToken Scrub(ComposeLoadResult result)
    {
        var json = JsonConvert.SerializeObject(Project(result), new StringEnumConverter());
        foreach (var root in new[] { AppContext.BaseDirectory, AppContext.BaseDirectory.Replace('\\', '/') })
        {
            json = json.Replace(JsonConvert.ToString(root).Trim('"'), string.Empty, StringComparison.Ordinal);
        }

        return JToken.Parse(json);
    }

    private static object Project(ComposeLoadResult result) => new
    {
        result.Model!.SourceFile,
        result.Model.WorkingDirectory,
        result.Model.Profile,
        result.Model.Services,
        result.Model.Volumes,
        ActiveServices = result.Model.ActiveServices.Select(s => s.Name).ToArray(),
        Orchestrators = result.Model.Orchestrators.Select(s => s.Name).ToArray(),
        Diagnostics = result.Diagnostics.Select(d => d.ToString()).ToArray(),
    };
}
