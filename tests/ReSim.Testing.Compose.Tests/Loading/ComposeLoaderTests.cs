using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;

namespace ReSim.Testing.Compose.Tests.Loading;

public class ComposeLoaderTests
{
    private static readonly Dictionary<string, string> ExperienceVariables = new() { ["EXPERIENCE_NAME"] = "nightly-42" };

    [Fact]
    public void The_realistic_fixture_loads_from_disk_with_only_expected_warnings()
    {
        var result = ComposeLoader.LoadFile(Path.Combine("Fixtures", "realistic", "compose.yml"), new ComposeLoadOptions { Profile = "smoke", Variables = ExperienceVariables, System = Support.ComposeText.System });

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Model);
        Assert.Equal(["simulator", "robot", "smoke-test", "regression-test"], result.Model.Services.Select(s => s.Name));
    }
}
