using Xunit;
using Xunit.v3;

namespace ReSim.Testing.Discovery;

/// <summary>
/// Gives each [ComposeExperience] test case a test collection of its own, so experiences of one class run in
/// parallel with each other (up to the parallel limit) the way test classes do.
/// </summary>
/// <remarks>
/// <para>
/// xUnit v3 runs test collections in parallel, and the methods and cases of one collection one after another
/// (unless the assembly's <c>parallelMode</c> is <c>all</c>). By default every class is its own collection, so
/// sixteen experiences in one class would run one at a time. A case moved into a collection of its own is still
/// the same test: its class, method, display name, unique ID, traits, skip, explicit and timeout are unchanged,
/// so filters, listing and re-running from a test explorer work as before.
/// </para>
/// <para>
/// A case stays in its class's collection when the user asked for order or for sharing: the class is in a named
/// collection (<c>[Collection]</c>, a collection definition, or collection-per-assembly), the collection is
/// not parallel, the attribute sets <c>DisableParallelization</c>, or a test case or test method orderer applies
/// to the class. Class fixtures (<c>IClassFixture</c>) are then created once per experience, as for a class of
/// its own.
/// </para>
/// </remarks>
internal static class ExperienceCollection
{
    /// <summary>The test method a case runs under: <paramref name="method"/> in a collection of the case's own, when it may be split off.</summary>
    /// <param name="method">The method as xUnit discovered it.</param>
    /// <param name="caseDisplayName">The case's display name, which names its collection.</param>
    /// <param name="caseUniqueId">The case's unique ID, which the collection's ID ends with (so one class's experiences sort together).</param>
    /// <param name="disableParallelization">Whether the attribute opts out of parallel runs.</param>
    /// <returns>The method to give the test case.</returns>
    public static IXunitTestMethod For(IXunitTestMethod method, string caseDisplayName, string caseUniqueId, bool disableParallelization)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (disableParallelization || !MaySplit(method.TestClass))
        {
            return method;
        }

        var original = method.TestClass.TestCollection;
        var collection = new XunitTestCollection(
            original.TestAssembly,
            collectionDefinition: null,
            disableParallelization: false,
            $"{original.TestCollectionDisplayName}, experience {caseDisplayName}",
            uniqueID: $"{original.UniqueID}:{caseUniqueId}");
        var testClass = new XunitTestClass(method.TestClass.Class, collection);
        return new XunitTestMethod(testClass, method.Method, method.TestMethodArguments);
    }

    private static bool MaySplit(IXunitTestClass testClass)
    {
        var collection = testClass.TestCollection;
        return collection.CollectionDefinition is null
            && !collection.DisableParallelization
            && string.Equals(collection.TestCollectionDisplayName, CollectionAttribute.GetCollectionNameForType(testClass.Class), StringComparison.Ordinal)
            && testClass.TestCaseOrderer is null
            && testClass.TestMethodOrderer is null
            && collection.TestCaseOrderer is null
            && collection.TestMethodOrderer is null
            && collection.TestAssembly.TestCaseOrderer is null
            && collection.TestAssembly.TestMethodOrderer is null;
    }
}
