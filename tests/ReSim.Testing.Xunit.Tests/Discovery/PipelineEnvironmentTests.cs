using System.Reflection;
using ReSim.Testing.Discovery;

namespace ReSim.Testing.Xunit.Tests.Discovery;

/// <summary>RESIM_PROFILE, RESIM_ENVIRONMENT and RESIM_TIMEOUT_SECONDS fill what an attribute leaves unset; what it sets wins.</summary>
public class PipelineEnvironmentTests
{
    private static readonly Dictionary<string, string> Pipeline = new()
    {
        ["RESIM_PROFILE"] = "hil",
        ["RESIM_ENVIRONMENT"] = "SCENARIO=highway; RIG=bench-2",
        ["RESIM_TIMEOUT_SECONDS"] = "900",
    };

    [Fact]
    public void An_attribute_without_profile_environment_or_timeout_takes_the_pipeline_s_R8_R9_R18()
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.NoProfile), Pipeline));

        Assert.Equal("hil", spec.Profile);
        Assert.Equal(900, spec.TimeoutSeconds);
        Assert.Equal(["SCENARIO=highway", "RIG=bench-2"], spec.Environment);
    }

    [Fact]
    public void What_the_attribute_sets_wins_its_profiles_its_timeout_and_its_variables_of_the_same_name()
    {
        var specs = Specs(nameof(Fixtures.Navigation.Everything), Pipeline);

        Assert.Equal(["sim", "hil"], specs.Select(s => s.Profile));
        Assert.All(specs, s =>
        {
            Assert.Equal(90, s.TimeoutSeconds);
            Assert.Equal("parking", s.EnvironmentVariables()["SCENARIO"]);
            Assert.Equal("bench-2", s.EnvironmentVariables()["RIG"]);
        });
    }

    [Fact]
    public void Without_the_variables_the_attribute_is_read_as_written()
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.NoProfile), []));

        Assert.Null(spec.Profile);
        Assert.Empty(spec.Environment);
        Assert.Equal(ComposeExperienceAttribute.DefaultTimeoutSeconds, spec.TimeoutSeconds);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void RESIM_KEEP_CONTAINERS_keeps_every_experience_s_containers(string value, bool kept)
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.NoProfile), new() { ["RESIM_KEEP_CONTAINERS"] = value }));

        Assert.Equal(kept, spec.KeepContainers);
    }

    [Theory]
    [InlineData("RESIM_KEEP_CONTAINERS", "yes please", "the RESIM_KEEP_CONTAINERS environment variable is \"yes please\"; set it to 1 to keep the containers, or 0 (or leave it unset) to remove them.")]
    [InlineData("RESIM_TIMEOUT_SECONDS", "soon", "the RESIM_TIMEOUT_SECONDS environment variable is \"soon\"; set it to a positive whole number of seconds.")]
    [InlineData("RESIM_TIMEOUT_SECONDS", "0", "the RESIM_TIMEOUT_SECONDS environment variable is \"0\"; set it to a positive whole number of seconds.")]
    [InlineData("RESIM_ENVIRONMENT", "SEED", "the RESIM_ENVIRONMENT environment variable's entry \"SEED\" is not KEY=VALUE; set it as NAME=value;OTHER=value.")]
    public void An_invalid_variable_makes_the_case_a_failing_one_that_names_it(string variable, string value, string problem)
    {
        var method = Method(nameof(Fixtures.Navigation.NoProfile));

        var (specs, problems) = ExperienceTestSpecs.From(method.GetCustomAttribute<ComposeExperienceAttribute>()!, method, new Dictionary<string, string> { [variable] = value }.GetValueOrDefault);

        Assert.Empty(specs);
        Assert.Equal([problem], problems);
    }

    private static MethodInfo Method(string name) => typeof(Fixtures.Navigation).GetMethod(name)!;

    private static IReadOnlyList<ExperienceTestSpec> Specs(string methodName, Dictionary<string, string> variables)
    {
        var method = Method(methodName);
        var (specs, problems) = ExperienceTestSpecs.From(method.GetCustomAttribute<ComposeExperienceAttribute>()!, method, variables.GetValueOrDefault);
        Assert.Empty(problems);
        return specs;
    }
}
