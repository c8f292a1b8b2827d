using ReSim.Testing.Discovery;
using ReSim.Testing.Execution;
using ReSim.Testing.Xunit.Tests.Support;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Discovery;

/// <summary>Each experience of a class in xUnit's default collection gets a collection of its own, and nothing else about the test changes.</summary>
public class ExperienceCollectionTests
{
    private static readonly Type OneClass = typeof(CollectionFixtures.OneClass);

    [Fact]
    public async Task Every_case_of_a_default_collection_class_gets_its_own_collection_and_keeps_its_class_name_and_id()
    {
        var drive = XunitObjects.TestMethodInDefaultCollection(OneClass, nameof(CollectionFixtures.OneClass.Drive));
        var park = XunitObjects.TestMethodInDefaultCollection(OneClass, nameof(CollectionFixtures.OneClass.Park));
        var cases = (await XunitObjects.DiscoverAsync(drive)).Concat(await XunitObjects.DiscoverAsync(park)).Cast<ComposeExperienceTestCase>().ToList();

        Assert.Equal(3, cases.Count);
        Assert.Equal(3, cases.Select(c => c.TestCollection.UniqueID).Distinct().Count());
        Assert.All(cases, c =>
        {
            Assert.NotEqual(drive.TestClass.TestCollection.UniqueID, c.TestCollection.UniqueID);
            Assert.StartsWith(drive.TestClass.TestCollection.UniqueID + ":", c.TestCollection.UniqueID, StringComparison.Ordinal);
            Assert.StartsWith(drive.TestClass.TestCollection.TestCollectionDisplayName + ", experience ", c.TestCollection.TestCollectionDisplayName, StringComparison.Ordinal);
            Assert.Same(OneClass, c.TestClass.Class);
            Assert.Equal(OneClass.FullName, c.TestClassName);
            Assert.False(c.TestCollection.DisableParallelization);
        });
        Assert.Equal(
            [$"{OneClass.FullName}.Drive(profile: \"sim\")", $"{OneClass.FullName}.Drive(profile: \"hil\")", $"{OneClass.FullName}.Park"],
            cases.Select(c => c.TestCaseDisplayName));
        Assert.Equal($"{XunitObjects.UniqueIdOf(drive)}[profile:sim]", cases[0].UniqueID);
    }

    [Fact]
    public async Task The_own_collection_survives_serialization_so_a_re_run_from_an_explorer_runs_in_parallel_too()
    {
        var original = Assert.IsType<ComposeExperienceTestCase>(Assert.Single(await XunitObjects.DiscoverAsync(
            XunitObjects.TestMethodInDefaultCollection(OneClass, nameof(CollectionFixtures.OneClass.Park)))));

        var copy = SerializationHelper.Instance.Deserialize<ComposeExperienceTestCase>(SerializationHelper.Instance.Serialize(original))!;

        Assert.Equal(original.TestCollection.UniqueID, copy.TestCollection.UniqueID);
        Assert.Equal(original.TestCollection.TestCollectionDisplayName, copy.TestCollection.TestCollectionDisplayName);
        Assert.Equal(original.UniqueID, copy.UniqueID);
    }

    [Theory]
    [InlineData(typeof(CollectionFixtures.OneClass), nameof(CollectionFixtures.OneClass.Alone))]
    [InlineData(typeof(CollectionFixtures.NamedCollection), nameof(CollectionFixtures.NamedCollection.Drive))]
    [InlineData(typeof(CollectionFixtures.Ordered), nameof(CollectionFixtures.Ordered.Drive))]
    public async Task A_case_that_opts_out_is_in_a_named_collection_or_is_ordered_stays_in_its_class_s_collection(Type testClass, string method)
    {
        var testMethod = XunitObjects.TestMethodInDefaultCollection(testClass, method);

        var testCase = Assert.Single(await XunitObjects.DiscoverAsync(testMethod));

        Assert.Equal(testMethod.TestClass.TestCollection.UniqueID, testCase.TestCollection.UniqueID);
    }

    [Fact]
    public async Task A_case_in_a_collection_that_is_not_xUnit_s_per_class_default_stays_there()
    {
        var testMethod = XunitObjects.TestMethod(OneClass, nameof(CollectionFixtures.OneClass.Park));

        var testCase = Assert.Single(await XunitObjects.DiscoverAsync(testMethod));

        Assert.Equal("collection-id", testCase.TestCollection.UniqueID);
    }
}
