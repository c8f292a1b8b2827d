using System.Reflection;
using ReSim.Testing.Discovery;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Builds the xUnit objects discovery works on, for methods of fixture classes in this assembly.</summary>
public static class XunitObjects
{
    public static IXunitTestMethod TestMethod(Type testClass, string methodName)
    {
        var assembly = new XunitTestAssembly(testClass.Assembly, null, testClass.Assembly.GetName().Name, testClass.Assembly.Location, "net10.0", "assembly-id", testClass.Assembly.GetName().Version);
        var collection = new XunitTestCollection(assembly, null, false, "Fixture collection", "collection-id");
        var @class = new XunitTestClass(testClass, collection, "class-" + testClass.Name);
        var method = testClass.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{testClass.Name} has no method {methodName}");
        return new XunitTestMethod(@class, method, [], $"method-{testClass.Name}.{methodName}");
    }

    public static async Task<IReadOnlyList<IXunitTestCase>> DiscoverAsync(Type testClass, string methodName)
    {
        var method = TestMethod(testClass, methodName);
        var attribute = method.FactAttributes.Single();
        var cases = await new ComposeExperienceDiscoverer().Discover(new DiscoveryOptions(), method, attribute);
        return cases.ToList();
    }

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
