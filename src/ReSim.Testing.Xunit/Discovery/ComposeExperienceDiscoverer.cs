using ReSim.Testing.Execution;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Discovery;

/// <summary>Discovers the test cases of a <see cref="ComposeExperienceAttribute"/>: one per profile.</summary>
/// <remarks>An attribute xUnit cannot run (an empty profile, an environment entry that is not <c>KEY=VALUE</c>, parameters other than one result) gives one failing case that says what to change.</remarks>
public sealed class ComposeExperienceDiscoverer : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);

        var found = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        var details = new TestCaseDetails(
            found.ResolvedTestMethod,
            found.TestCaseDisplayName,
            found.UniqueID,
            found.Explicit,
            factAttribute.DisableParallelization,
            found.SkipExceptions,
            found.SkipReason,
            found.SkipType,
            found.SkipUnless,
            found.SkipWhen,
            found.SourceFilePath,
            found.SourceLineNumber,
            found.Timeout);

        if (factAttribute is not IExperienceTestSource source)
        {
            return Error(details, $"{nameof(ComposeExperienceDiscoverer)} was applied through [{factAttribute.GetType().Name}], which is not a [ComposeExperience].");
        }

        var (specs, problems) = ExperienceTestSpecs.From(source, testMethod.Method);
        if (!problems.IsEmpty)
        {
            return Error(details, $"[ComposeExperience] on {testMethod.TestClass.TestClassName}.{testMethod.MethodName} cannot run: {string.Join(" ", problems)}");
        }

        IReadOnlyCollection<IXunitTestCase> cases = specs
            .Select(spec => (IXunitTestCase)new ComposeExperienceTestCase(spec, InOwnCollection(details, spec), CopyTraits(testMethod)))
            .ToArray();
        return new(cases);
    }

    private static TestCaseDetails InOwnCollection(TestCaseDetails details, ExperienceTestSpec spec) =>
        details with
        {
            TestMethod = ExperienceCollection.For(
                details.TestMethod,
                spec.DisplayName(details.DisplayName),
                spec.UniqueId(details.UniqueId),
                details.DisableParallelization),
        };

    private static Dictionary<string, HashSet<string>> CopyTraits(IXunitTestMethod testMethod) =>
        testMethod.Traits.ToDictionary(
            pair => pair.Key,
            pair => new HashSet<string>(pair.Value, StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

    private static ValueTask<IReadOnlyCollection<IXunitTestCase>> Error(TestCaseDetails details, string message) =>
        new([
#pragma warning disable CA2000 // xUnit owns and disposes the test cases it is given.
            new ExecutionErrorTestCase(
                details.TestMethod,
                details.DisplayName,
                details.UniqueId,
                details.SourceFilePath,
                details.SourceLineNumber,
                message),
#pragma warning restore CA2000
        ]);
}
