using ReSim.Testing.Discovery;
using ReSim.Testing.Execution;
using ReSim.Testing.Xunit.Tests.Support;
using Xunit.Sdk;

namespace ReSim.Testing.Xunit.Tests.Discovery;

public class ComposeExperienceTestCaseTests
{
    [Fact]
    public async Task Serialization_round_trip_keeps_the_experience_the_name_the_id_and_the_traits()
    {
        var original = (await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.Everything)))[1];

        var copy = SerializationHelper.Instance.Deserialize<ComposeExperienceTestCase>(SerializationHelper.Instance.Serialize(original));

        Assert.NotNull(copy);
        Assert.Equal(original.Spec.ToJson(), copy.Spec.ToJson());
        Assert.Equal(original.Spec.ComposeFile, copy.Spec.ComposeFile);
        Assert.Equal(original.Spec.Profile, copy.Spec.Profile);
        Assert.Equal(original.Spec.Settings.Environment, copy.Spec.Settings.Environment);
        Assert.Equal(original.Spec.Settings.Inputs, copy.Spec.Settings.Inputs);
        Assert.Equal(original.Spec.Typed().Timeout.TotalSeconds, copy.Spec.Typed().Timeout.TotalSeconds);
        Assert.Equal(original.TestCaseDisplayName, copy.TestCaseDisplayName);
        Assert.Equal(original.UniqueID, copy.UniqueID);
        Assert.Equal(original.Traits.Keys.Order(), copy.Traits.Keys.Order());
        Assert.Equal(["hil"], copy.Traits[ComposeExperienceTestCase.ProfileTrait]);
    }

    [Fact]
    public async Task Serialization_round_trip_keeps_the_keep_switch()
    {
        var original = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.Kept)));

        var copy = SerializationHelper.Instance.Deserialize<ComposeExperienceTestCase>(SerializationHelper.Instance.Serialize(original));

        Assert.True(original.Spec.Typed().KeepContainers);
        Assert.True(copy!.Spec.Typed().KeepContainers);
    }

    [Fact]
    public async Task Serialization_round_trip_keeps_the_system_settings_R13()
    {
        var original = (await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.OnGpuSystem)))[1];

        var copy = SerializationHelper.Instance.Deserialize<ComposeExperienceTestCase>(SerializationHelper.Instance.Serialize(original));

        Assert.NotNull(copy);
        Assert.Equal(("8", "16g"), (copy.Spec.Settings.SystemCpus, copy.Spec.Settings.SystemMemory));
        Assert.Equal(["0", "GPU-b"], copy.Spec.Settings.SystemGpus);
        Assert.Equal((8.0, 16L << 30), (copy.Spec.Typed().System!.Cpus, copy.Spec.Typed().System!.MemoryBytes));
    }

    [Fact]
    public async Task Serialization_round_trip_keeps_the_host_mounts_opt_in_which_is_off_by_default()
    {
        var optedIn = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.WithHostMounts)));
        var byDefault = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.NoProfile)));

        var copies = new[] { optedIn, byDefault }.Select(c => SerializationHelper.Instance.Deserialize<ComposeExperienceTestCase>(SerializationHelper.Instance.Serialize(c)));

        Assert.Equal([true, false], copies.Select(c => c!.Spec.Typed().AllowHostMounts));
    }

    [Fact]
    public async Task Serialization_round_trip_keeps_a_case_without_profile_or_inputs()
    {
        var original = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), nameof(Fixtures.Navigation.NoProfile)));

        var copy = SerializationHelper.Instance.Deserialize<ComposeExperienceTestCase>(SerializationHelper.Instance.Serialize(original));

        Assert.NotNull(copy);
        Assert.Null(copy.Profile);
        Assert.Null(copy.Spec.Settings.Inputs);
        Assert.Empty(copy.Spec.Settings.Environment);
        Assert.Equal(ComposeExperienceAttribute.DefaultTimeoutSeconds, copy.Spec.Typed().Timeout.TotalSeconds);
        Assert.Null(copy.Spec.Typed().System);
        Assert.Equal(original.UniqueID, copy.UniqueID);
    }

    [Fact]
    public async Task Unique_ids_differ_across_methods_and_profiles_and_are_stable_across_discoveries()
    {
        var first = await Discover();
        var second = await Discover();

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, second);

        static async Task<List<string>> Discover()
        {
            var ids = new List<string>();
            foreach (var method in new[] { nameof(Fixtures.Navigation.TwoProfiles), nameof(Fixtures.Navigation.NoProfile), nameof(Fixtures.Navigation.Everything) })
            {
                ids.AddRange((await XunitObjects.DiscoverExperiencesAsync(typeof(Fixtures.Navigation), method)).Select(c => c.UniqueID));
            }

            return ids;
        }
    }
}
