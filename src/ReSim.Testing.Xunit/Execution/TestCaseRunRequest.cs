using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>What xUnit passes to a self-executing test case, kept together on its way down the runners.</summary>
/// <param name="ExplicitOption">How explicit tests are treated.</param>
/// <param name="MessageBus">Where results are reported.</param>
/// <param name="ConstructorArguments">The test class's constructor arguments.</param>
/// <param name="Aggregator">Collects exceptions.</param>
/// <param name="CancellationTokenSource">Cancels the run.</param>
/// <param name="ParallelMode">How tests may run in parallel.</param>
/// <param name="Scheduler">Schedules parallel work.</param>
/// <param name="MethodFixtureMappings">The fixtures available to the method.</param>
internal sealed record TestCaseRunRequest(
    ExplicitOption ExplicitOption,
    IMessageBus MessageBus,
    object?[] ConstructorArguments,
    ExceptionAggregator Aggregator,
    CancellationTokenSource CancellationTokenSource,
    ParallelMode ParallelMode,
    ExecutionScheduler Scheduler,
    FixtureMappingManager MethodFixtureMappings);
