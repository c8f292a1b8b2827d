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
        Snapshot.Match(Scrub(result), SnapshotNameExtension.Create(name));
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
