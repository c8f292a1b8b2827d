using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>Runs a <see cref="ComposeExperienceTestCase"/>: xUnit's test case pipeline with <see cref="ComposeExperienceTestRunner"/> for its test.</summary>
internal sealed class ComposeExperienceTestCaseRunner :
    XunitTestCaseRunnerBase<ComposeExperienceTestCaseRunnerContext, ComposeExperienceTestCase, IXunitTest>
{
    private ComposeExperienceTestCaseRunner()
    {
    }

    /// <summary>The runner; it holds no state.</summary>
    public static ComposeExperienceTestCaseRunner Instance { get; } = new();

    /// <summary>Runs <paramref name="testCase"/>.</summary>
    /// <param name="testCase">The test case.</param>
    /// <param name="tests">Its tests (one).</param>
    /// <param name="request">What xUnit passed to the test case.</param>
    /// <param name="services">The engine, compose loader and experience slots.</param>
    /// <returns>The run's summary.</returns>
    public async ValueTask<RunSummary> Run(
        ComposeExperienceTestCase testCase,
        IReadOnlyCollection<IXunitTest> tests,
        TestCaseRunRequest request,
        ExperienceServices services)
    {
        var ctxt = new ComposeExperienceTestCaseRunnerContext(testCase, tests, request, services);
        await using (ctxt.ConfigureAwait(false))
        {
            await ctxt.InitializeAsync().ConfigureAwait(false);
            return await Run(ctxt).ConfigureAwait(false);
        }
    }
}
