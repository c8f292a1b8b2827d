using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>Runs one [ComposeExperience] test: xUnit's test pipeline (class creation, before/after attributes, timeout, reporting) around <see cref="ComposeExperienceTestRunnerContext.InvokeTest"/>.</summary>
internal sealed class ComposeExperienceTestRunner : XunitTestRunnerBase<ComposeExperienceTestRunnerContext, IXunitTest>
{
    private ComposeExperienceTestRunner()
    {
    }

    /// <summary>The runner; it holds no state.</summary>
    public static ComposeExperienceTestRunner Instance { get; } = new();

    /// <summary>Runs <paramref name="test"/>.</summary>
    /// <param name="test">The test.</param>
    /// <param name="spec">The experience it runs.</param>
    /// <param name="services">The engine, compose loader and experience slots.</param>
    /// <param name="request">What xUnit passed to the test case, with the test's own aggregator.</param>
    /// <param name="beforeAfterAttributes">The test's before/after attributes.</param>
    /// <param name="caseFixtureMappings">The fixtures available to the test.</param>
    /// <returns>The run's summary.</returns>
    public async ValueTask<RunSummary> Run(
        IXunitTest test,
        ExperienceTestSpec spec,
        ExperienceServices services,
        TestCaseRunRequest request,
        IReadOnlyCollection<IBeforeAfterTestAttribute> beforeAfterAttributes,
        FixtureMappingManager caseFixtureMappings)
    {
        var ctxt = new ComposeExperienceTestRunnerContext(test, spec, services, request, beforeAfterAttributes, caseFixtureMappings);
        await using (ctxt.ConfigureAwait(false))
        {
            await ctxt.InitializeAsync().ConfigureAwait(false);
            return await Run(ctxt).ConfigureAwait(false);
        }
    }
}
