using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Service and top-level volume names follow compose's pattern <c>^[a-zA-Z0-9._-]+$</c> (R3, R10, R12).</summary>
public class ComposeNameTests
{
    [Theory]
    [InlineData("a/b", "a-b")]
    [InlineData("\"my service\"", "my-service")]
    [InlineData("rôbot", "r-bot")]
    [InlineData("\"\"", "name")]
    [InlineData("\"a:b\"", "a-b")]
    public void A_service_name_outside_the_pattern_is_an_error_at_its_key_with_a_suggested_name(string name, string suggestion)
    {
        var result = ComposeText.LoadService($"  {name}:\n    image: busybox:1.35\n");

        var error = result.Single(DiagnosticCodes.InvalidServiceName);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal((ComposeText.FirstServiceLine, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("ASCII letters, digits, `.`, `_` and `-`", error.Message);
        Assert.Contains($"`{suggestion}`", error.Hint);
        Assert.Null(result.Model);
        result.AssertNo(DiagnosticCodes.InternalError);
    }

    [Theory]
    [InlineData("robot")]
    [InlineData("Robot_2.sim-A")]
    [InlineData("-leading-dash")]
    [InlineData(".leading.dot")]
    [InlineData("123")]
    public void A_service_name_inside_the_pattern_is_fine(string name)
    {
        var result = ComposeText.LoadService($"  \"{name}\":\n    image: busybox:1.35\n    depends_on: [orchestrator]\n");

        result.AssertClean();
        Assert.Equal(name, result.Service(name).Name);
    }

    [Fact]
    public void Depending_on_a_badly_named_service_gives_the_name_error_and_no_exception()
    {
        var result = ComposeText.LoadService("  my service:\n    image: busybox:1.35\n  robot:\n    image: busybox:1.35\n    depends_on: [\"my service\"]\n    volumes: [\"./in:/in\"]\n");

        Assert.Equal("services.my service", result.Single(DiagnosticCodes.InvalidServiceName).Path);
        result.AssertNo(DiagnosticCodes.DependsOnUnknownService);
        result.AssertNo(DiagnosticCodes.InternalError);
    }

    [Theory]
    [InlineData("bad/volume")]
    [InlineData("\"with space\"")]
    [InlineData("dätä")]
    public void A_top_level_volume_name_outside_the_pattern_is_an_error_at_its_key(string name)
    {
        var result = ComposeText.Load($"services:\n{ComposeText.Orchestrator}\nvolumes:\n  {name}: {{}}\n");

        var error = result.Single(DiagnosticCodes.InvalidVolumeName);
        Assert.Equal((7, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("Rename it", error.Hint);
        Assert.Null(result.Model);
    }

    [Fact]
    public void A_top_level_volume_name_inside_the_pattern_is_fine_R10()
    {
        var result = ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n    volumes: [\"cache_1.v-2:/cache\"]\nvolumes:\n  cache_1.v-2: {{}}\n");

        result.AssertClean();
    }
}
