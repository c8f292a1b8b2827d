using ReSim.Testing.Reporting;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>
/// The context of <see cref="ComposeExperienceTestRunner"/>: its <see cref="InvokeTest"/> runs the experience,
/// then the method body after a passed one, inside the test's timing and failure reporting.
/// </summary>
/// <remarks>The test's xUnit <c>Timeout</c> cancels the experience and is reported only after its teardown.</remarks>
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
            var timeout = Test.TestCase.Timeout;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            if (timeout > 0)
            {
                deadline.CancelAfter(timeout);
            }

            var executor = new ExperienceTestExecutor(services, new TestContextReport(context));
            ExperienceTestOutcome outcome;
            try
            {
                // ConfigureAwait(true): the method body must run where xUnit runs tests (its synchronization context).
                outcome = await executor.RunAsync(spec, Test.TestCase.TestMethod.TestClass.Class.Assembly, deadline.Token).ConfigureAwait(true);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
            {
                // The engine has torn the experience down by now (R19); only then is the test reported as timed out.
                Aggregator.Add(TestTimeoutException.ForTimedOutTest(timeout));
                return;
            }

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
