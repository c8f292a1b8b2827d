using ReSim.Testing.Discovery;
using ReSim.Testing.Execution;
using ReSim.Testing.Xunit.Tests.Support;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Discovery;

public class ComposeExperienceDiscovererTests
{
    [Fact]
    public async Task Two_profiles_give_two_cases_each_with_its_own_name_id_and_profile_trait_R8()
    {
        var cases = await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.TwoProfiles));

        Assert.Equal(["sim", "hil"], cases.Select(c => c.Profile));
        Assert.Equal(
            [$"{typeof(Fixtures.Navigation).FullName}.TwoProfiles(profile: \"sim\")", $"{typeof(Fixtures.Navigation).FullName}.TwoProfiles(profile: \"hil\")"],
            cases.Select(c => c.TestCaseDisplayName));
        Assert.Equal(2, cases.Select(c => c.UniqueID).Distinct().Count());
        Assert.Equal(["sim"], cases[0].Traits[ComposeExperienceTestCase.ProfileTrait]);
        Assert.Equal(["hil"], cases[1].Traits[ComposeExperienceTestCase.ProfileTrait]);
        Assert.All(cases, c => Assert.Equal(["experiences/robot.yml"], c.Traits[ComposeExperienceTestCase.ComposeFileTrait]));
        Assert.All(cases, c => Assert.Equal(["ComposeExperience"], c.Traits["Category"]));
    }

    [Fact]
    public async Task No_profile_gives_one_case_named_after_the_method_without_a_profile_trait()
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.NoProfile)));

        Assert.Null(testCase.Profile);
        Assert.Equal($"{typeof(Fixtures.Navigation).FullName}.NoProfile", testCase.TestCaseDisplayName);
        Assert.False(testCase.Traits.ContainsKey(ComposeExperienceTestCase.ProfileTrait));
        Assert.Equal("experiences/robot.yml", testCase.ComposeFile);
    }

    [Fact]
    public async Task Profile_and_Profiles_combine_without_duplicates_and_keep_environment_inputs_and_timeout()
    {
        var cases = await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.Everything));

        Assert.Equal(["sim", "hil"], cases.Select(c => c.Profile));
        Assert.All(cases, c =>
        {
            Assert.Equal(["SCENARIO=parking", "SPEED=3"], c.Spec.Settings.Environment);
            Assert.Equal("experiences/inputs", c.Spec.Settings.Inputs);
            Assert.Equal(90, c.Spec.Typed().Timeout.TotalSeconds);
        });
    }

    [Fact]
    public async Task Fact_settings_carry_over_display_name_explicit_and_skip()
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.FactSettings)));

        Assert.Equal("Parking lot(profile: \"sim\")", testCase.TestCaseDisplayName);
        Assert.True(testCase.Explicit);
        Assert.Equal("not today", testCase.SkipReason);
    }

    [Fact]
    public async Task Method_traits_are_kept_beside_the_experience_traits()
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.WithTrait)));

        Assert.Equal(["navigation"], testCase.Traits["Area"]);
        Assert.Equal(["sim"], testCase.Traits[ComposeExperienceTestCase.ProfileTrait]);
    }

    [Fact]
    public async Task A_method_taking_the_result_is_a_valid_experience_test()
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.TakesResult)));

        Assert.Equal("sim", testCase.Profile);
    }

    [Fact]
    public async Task The_system_settings_reach_every_profiles_case_R7_R13()
    {
        var cases = await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.OnGpuSystem));

        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.Equal((8.0, 16L << 30), (c.Spec.Typed().System!.Cpus, c.Spec.Typed().System!.MemoryBytes)));
        Assert.All(cases, c => Assert.Equal(["0", "GPU-b"], c.Spec.Typed().System!.Gpus));
    }

    [Fact]
    public async Task Without_system_settings_the_system_is_this_machine_with_no_GPUs_R13()
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.NoProfile)));

        Assert.Null(testCase.Spec.Typed().System);
    }

    [Theory]
    [InlineData(nameof(Fixtures.Invalid.EnvironmentWithoutValue), "Environment has the entry \"SCENARIO\", which is not NAME=value (R9); write each entry as NAME=value.")]
    [InlineData(nameof(Fixtures.Invalid.EmptyProfile), "a profile is empty")]
    [InlineData(nameof(Fixtures.Invalid.ZeroTimeout), "TimeoutSeconds is \"0\", which is not a positive number of seconds (R18)")]
    [InlineData(nameof(Fixtures.Invalid.WrongParameter), "takes no parameters or one ExperienceResult")]
    [InlineData(nameof(Fixtures.Invalid.NegativeCpus), "SystemCpus is \"-2\", which is not a positive number of CPUs (R13)")]
    [InlineData(nameof(Fixtures.Invalid.MemoryNotASize), "SystemMemory is \"lots\", which is not a memory size (R13); write it as in a compose file, such as 16g")]
    [InlineData(nameof(Fixtures.Invalid.EmptyGpu), "SystemGpus has an empty entry")]
    public async Task An_attribute_that_cannot_run_gives_one_failing_case_saying_what_to_change(string method, string expected)
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverAsync(typeof(Fixtures.Invalid), method));

        var error = Assert.IsType<ExecutionErrorTestCase>(testCase);
        Assert.Contains($"[ComposeExperience] on {typeof(Fixtures.Invalid).FullName}.{method} cannot run:", error.ErrorMessage);
        Assert.Contains(expected, error.ErrorMessage);
    }
}
