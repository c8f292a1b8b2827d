using ReSim.Testing.Discovery;
using ReSim.Testing.Reporting;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>
/// The context of <see cref="ComposeExperienceTestRunner"/>: its <see cref="InvokeTest"/> runs the experience,
/// then the method body after a passed one, inside the test's timing and failure reporting.
/// </summary>
internal sealed class ComposeExperienceTestRunnerContext(
    IXunitTest test,
    ExperienceTestSpec spec,
    ExperienceServices services,
    TestCaseRunRequest request,
    IReadOnlyCollection<IBeforeAfterTestAttribute> beforeAfterAttributes,
    FixtureMappingManager caseFixtureMappings) :
    XunitTestRunnerBaseContext<IXunitTest>(
        test,
        request.ExplicitOption,
        request.MessageBus,
        request.Aggregator,
        request.CancellationTokenSource,
        request.ParallelMode,
        request.Scheduler,
        beforeAfterAttributes,
        request.ConstructorArguments,
        caseFixtureMappings)
{
    /// <inheritdoc />
    public override ValueTask<TimeSpan> InvokeTest(object? testClassInstance) =>
        ExecutionTimer.MeasureAsync(() => Aggregator.RunAsync(async () =>
        {
            var context = TestContext.Current;
            var report = new TestContextReport(context);
            var executor = new ExperienceTestExecutor(services, report);
            // ConfigureAwait(true): the method body must run where xUnit runs tests (its synchronization context).
            var outcome = await executor.RunAsync(spec, Test.TestCase.TestMethod.TestClass.Class.Assembly, context.CancellationToken).ConfigureAwait(true);
            if (outcome.Failure is not null)
            {
                // Added, not thrown: the failure is the experience's verdict, and a stack trace of this library would only hide it.
                Aggregator.Add(outcome.Failure);
                return;
            }

            object?[] arguments = Method.GetParameters().Length == 0 ? [] : [outcome.Result];
            var returned = Method.Invoke(testClassInstance, arguments);
            var pending = AsyncUtility.TryConvertToValueTask(returned);
            if (pending.HasValue)
            {
                await pending.Value.ConfigureAwait(true);
            }
        }));
}
