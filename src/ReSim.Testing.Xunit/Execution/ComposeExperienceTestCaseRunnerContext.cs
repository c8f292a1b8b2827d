using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>The context of <see cref="ComposeExperienceTestCaseRunner"/>: runs each test with <see cref="ComposeExperienceTestRunner"/>.</summary>
internal sealed class ComposeExperienceTestCaseRunnerContext(
    ComposeExperienceTestCase testCase,
    IReadOnlyCollection<IXunitTest> tests,
    TestCaseRunRequest request,
    ExperienceServices services) :
    XunitTestCaseRunnerBaseContext<ComposeExperienceTestCase, IXunitTest>(
        testCase,
        tests,
        request.ExplicitOption,
        request.MessageBus,
        request.Aggregator,
        testCase.TestCaseDisplayName,
        testCase.SkipReason,
        request.CancellationTokenSource,
        request.ParallelMode,
        request.Scheduler,
        request.ConstructorArguments,
        request.MethodFixtureMappings)
{
    /// <inheritdoc />
    public override ValueTask<RunSummary> RunTest(IXunitTest test) =>
        ComposeExperienceTestRunner.Instance.Run(
            test,
            TestCase.Spec,
            services,
            request with { Aggregator = Aggregator.Clone(), ParallelMode = ParallelMode, Scheduler = Scheduler },
            BeforeAfterTestAttributes,
            CaseFixtureMappings);
}
