using System.Reflection;
using ReSim.Testing.Discovery;
using ReSim.Testing.Execution;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Builds the xUnit objects discovery works on, for methods of fixture classes in this assembly.</summary>
public static class XunitObjects
{
    public static IXunitTestMethod TestMethod(Type testClass, string methodName) =>
        TestMethod(testClass, methodName, assembly => new XunitTestCollection(assembly, null, false, "Fixture collection", "collection-id"));

    /// <summary>The method in the collection xUnit's default factory (collection per class) gives its class.</summary>
    public static IXunitTestMethod TestMethodInDefaultCollection(Type testClass, string methodName) =>
        TestMethod(testClass, methodName, assembly => new CollectionPerClassTestCollectionFactory(assembly).Get(testClass));

    public static async Task<IReadOnlyList<IXunitTestCase>> DiscoverAsync(IXunitTestMethod method)
    {
        var attribute = method.FactAttributes.Single();
        var cases = await new ComposeExperienceDiscoverer().Discover(new DiscoveryOptions(), method, attribute);
        return cases.ToList();
    }

    /// <summary>The unique ID xUnit gives a case of <paramref name="method"/> in the method's own collection.</summary>
    public static string UniqueIdOf(IXunitTestMethod method) =>
        TestIntrospectionHelper.GetTestCaseDetails(new DiscoveryOptions(), method, method.FactAttributes.Single()).UniqueID;

    private static XunitTestMethod TestMethod(Type testClass, string methodName, Func<IXunitTestAssembly, IXunitTestCollection> collectionOf)
    {
        var assembly = new XunitTestAssembly(testClass.Assembly, null, testClass.Assembly.GetName().Name, testClass.Assembly.Location, "net10.0", "assembly-id", testClass.Assembly.GetName().Version);
        var collection = collectionOf(assembly);
        var @class = new XunitTestClass(testClass, collection, "class-" + testClass.Name);
        var method = testClass.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{testClass.Name} has no method {methodName}");
        return new XunitTestMethod(@class, method, [], $"method-{testClass.Name}.{methodName}");
    }

    public static Task<IReadOnlyList<IXunitTestCase>> DiscoverAsync(Type testClass, string methodName) =>
        DiscoverAsync(TestMethod(testClass, methodName));

    public static async Task<IReadOnlyList<ComposeExperienceTestCase>> DiscoverExperiencesAsync(Type testClass, string methodName) =>
        (await DiscoverAsync(testClass, methodName)).Cast<ComposeExperienceTestCase>().ToList();

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> values = [];

        public TValue? GetValue<TValue>(string name) => values.TryGetValue(name, out var value) ? (TValue?)value : default;

        public void SetValue<TValue>(string name, TValue value) => values[name] = value;

        public string ToJson() => "{}";
    }
}
