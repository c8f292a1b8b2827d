using System.Collections.Immutable;
using System.Reflection;
using ReSim.Testing.Discovery;
using ReSim.Testing.Execution;
using ReSim.Testing.Xunit.Tests.Support;

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
        Assert.Equal(TimeSpan.FromSeconds(900), spec.Typed().Timeout);
        Assert.Equal(["SCENARIO=highway", "RIG=bench-2"], spec.Settings.Environment);
    }

    [Fact]
    public void What_the_attribute_sets_wins_its_profiles_its_timeout_and_its_variables_of_the_same_name()
    {
        var specs = Specs(nameof(Fixtures.Navigation.Everything), Pipeline);

        Assert.Equal(["sim", "hil"], specs.Select(s => s.Profile));
        Assert.All(specs, s =>
        {
            Assert.Equal(TimeSpan.FromSeconds(90), s.Typed().Timeout);
            Assert.Equal("parking", s.Typed().Environment["SCENARIO"]);
            Assert.Equal("bench-2", s.Typed().Environment["RIG"]);
        });
    }

    [Fact]
    public void The_pipeline_s_profile_is_trimmed_so_the_case_s_name_and_trait_are_the_profile_that_runs_R8()
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.NoProfile), new() { ["RESIM_PROFILE"] = " hil " }));

        Assert.Equal("hil", spec.Profile);
        Assert.Equal("Runs(profile: \"hil\")", spec.DisplayName("Runs"));
    }

    [Fact]
    public void A_timeout_the_attribute_writes_out_wins_even_when_it_is_the_default_R18()
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.DefaultTimeoutWrittenOut), Pipeline));

        Assert.Equal(TimeSpan.FromSeconds(ComposeExperienceAttribute.DefaultTimeoutSeconds), spec.Typed().Timeout);
        Assert.Equal("3600", spec.Settings.TimeoutSeconds);
    }

    [Fact]
    public void Without_the_variables_the_attribute_is_read_as_written()
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.NoProfile), []));

        Assert.Null(spec.Profile);
        Assert.Empty(spec.Settings.Environment);
        Assert.Equal(TimeSpan.FromSeconds(ComposeExperienceAttribute.DefaultTimeoutSeconds), spec.Typed().Timeout);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void RESIM_KEEP_CONTAINERS_keeps_every_experience_s_containers(string value, bool kept)
    {
        var spec = Assert.Single(Specs(nameof(Fixtures.Navigation.NoProfile), new() { ["RESIM_KEEP_CONTAINERS"] = value }));

        Assert.Equal(kept, spec.Typed().KeepContainers);
    }

    [Theory]
    [InlineData("RESIM_KEEP_CONTAINERS", "yes please", "the RESIM_KEEP_CONTAINERS environment variable is \"yes please\", which is not true or false; write true to keep the containers after the verdict, or leave it out.")]
    [InlineData("RESIM_TIMEOUT_SECONDS", "soon", "the RESIM_TIMEOUT_SECONDS environment variable is \"soon\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData("RESIM_TIMEOUT_SECONDS", "0", "the RESIM_TIMEOUT_SECONDS environment variable is \"0\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData("RESIM_ENVIRONMENT", "SEED", "the RESIM_ENVIRONMENT environment variable (NAME=value;OTHER=value) has the entry \"SEED\", which is not NAME=value (R9); write each entry as NAME=value.")]
    public void An_invalid_variable_makes_the_case_a_failing_one_that_names_it(string variable, string value, string problem)
    {
        var method = Method(nameof(Fixtures.Navigation.NoProfile));

        var (specs, problems) = ExperienceTestSpecs.From(method.GetCustomAttribute<ComposeExperienceAttribute>()!, method, new Dictionary<string, string> { [variable] = value }.GetValueOrDefault);

        Assert.Empty(specs);
        Assert.Equal([problem], problems);
    }

    private static MethodInfo Method(string name) => typeof(Fixtures.Navigation).GetMethod(name)!;

    private static ImmutableArray<ExperienceTestSpec> Specs(string methodName, Dictionary<string, string> variables)
    {
        var method = Method(methodName);
        var (specs, problems) = ExperienceTestSpecs.From(method.GetCustomAttribute<ComposeExperienceAttribute>()!, method, variables.GetValueOrDefault);
        Assert.Empty(problems);
        return specs;
    }
}
