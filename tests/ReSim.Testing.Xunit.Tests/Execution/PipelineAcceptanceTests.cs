using ReSim.Testing.Configuration;
using ReSim.Testing.Discovery;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Execution;
using ReSim.Testing.Sdk;
using ReSim.Testing.Xunit.Tests.Support;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Execution;

/// <summary>Runs [ComposeExperience] cases through xUnit's own test case and test runners, with a scripted engine, and checks the messages that come out.</summary>
public sealed class PipelineAcceptanceTests : IDisposable
{
    private readonly ResultFolder folder = new();
    private readonly CollectingMessageBus bus = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_passed_experience_with_an_empty_body_passes_and_attaches_the_logs()
    {
        var summary = await Run(nameof(PipelineFixtures.EmptyBody), ExperienceVerdict.Passed, ("orchestrator", "all nodes answered"));

        Assert.Equal(1, summary.Total);
        Assert.Equal(0, summary.Failed);
        bus.OnlyOne<ITestPassed>();
        var finished = bus.OnlyOne<ITestFinished>();
        Assert.Contains("experience-orchestrator-container.log", finished.Attachments!.Keys);
        Assert.Contains("[orchestrator] all nodes answered", finished.Output);
        Assert.Contains("Results of run run-1:", finished.Output);
    }

    [Fact]
    public async Task The_body_runs_after_a_passed_experience_and_not_after_a_failed_one()
    {
        var before = Volatile.Read(ref PipelineFixtures.BodyRuns);

        await Run(nameof(PipelineFixtures.CountsBodyRuns), ExperienceVerdict.Failed);
        Assert.Equal(before, Volatile.Read(ref PipelineFixtures.BodyRuns));

        await Run(nameof(PipelineFixtures.CountsBodyRuns), ExperienceVerdict.Passed);
        Assert.Equal(before + 1, Volatile.Read(ref PipelineFixtures.BodyRuns));
    }

    [Fact]
    public async Task A_body_taking_the_result_gets_the_run_s_result()
    {
        var summary = await Run(nameof(PipelineFixtures.AssertsOnTheResult), ExperienceVerdict.Passed);

        Assert.Equal(0, summary.Failed);
        bus.OnlyOne<ITestPassed>();
    }

    [Fact]
    public async Task An_async_body_that_fails_an_assertion_fails_the_test_with_its_own_message()
    {
        var summary = await Run(nameof(PipelineFixtures.AsyncBodyFails), ExperienceVerdict.Passed);

        Assert.Equal(1, summary.Failed);
        var failed = bus.OnlyOne<ITestFailed>();
        Assert.Contains("Assert.Equal() Failure", failed.Messages[0]);
        Assert.Equal(FailureCause.Assertion, failed.Cause);
    }

    [Fact]
    public async Task A_failed_experience_fails_the_test_as_an_assertion_with_the_R20_reason_and_no_stack_trace()
    {
        var summary = await Run(nameof(PipelineFixtures.EmptyBody), ExperienceVerdict.Failed);

        Assert.Equal(1, summary.Failed);
        var failed = bus.OnlyOne<ITestFailed>();
        Assert.Equal(typeof(ExperienceFailedException).FullName, failed.ExceptionTypes[0]);
        Assert.StartsWith("Orchestrator 'orchestrator' exited with code 3 after 2.1 s.", failed.Messages[0]);
        Assert.Contains("node-b did not answer", failed.Messages[0]);
        Assert.True(string.IsNullOrEmpty(failed.StackTraces[0]));
        Assert.Equal(FailureCause.Assertion, failed.Cause);
        Assert.Contains("experience-node-container.log", bus.OnlyOne<ITestFinished>().Attachments!.Keys);
    }

    [Fact]
    public async Task Compose_errors_fail_the_test_listing_each_diagnostic_and_start_nothing_R3()
    {
        var engine = new ScriptedEngine(_ => folder.Result(ExperienceVerdict.Passed));
        var compose = new FakeCompose(FakeCompose.Error("/p/compose.yml", 3, 7, "RSIM002", "Service 'robot' joins network 'back', which ReSim does not support."));

        await RunWith(nameof(PipelineFixtures.EmptyBody), engine, compose);

        var failed = bus.OnlyOne<ITestFailed>();
        Assert.Contains("/p/compose.yml(3,7): error RSIM002: Service 'robot' joins network 'back'", failed.Messages[0]);
        Assert.Empty(engine.Runs);
    }

    [Fact]
    public async Task The_test_s_own_timeout_cancels_the_experience_and_reports_only_after_its_teardown_R19()
    {
        var tornDown = false;
        var engine = new ScriptedEngine(_ => folder.Result(ExperienceVerdict.Passed))
        {
            WhileRunning = async token =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    await Task.Delay(200, CancellationToken.None);
                    tornDown = true;
                }
            },
        };

        var summary = await RunWith(nameof(PipelineFixtures.TimesOutInXunit), engine, new FakeCompose());

        Assert.True(tornDown);
        Assert.Equal(1, summary.Failed);
        var failed = bus.OnlyOne<ITestFailed>();
        Assert.Equal(FailureCause.Timeout, failed.Cause);
        Assert.Contains("300", failed.Messages[0]);
    }

    [Fact]
    public async Task A_synchronous_body_that_fails_an_assertion_fails_the_test_with_its_own_message()
    {
        var summary = await Run(nameof(PipelineFixtures.SyncBodyFails), ExperienceVerdict.Passed);

        Assert.Equal(1, summary.Failed);
        var failed = bus.OnlyOne<ITestFailed>();
        Assert.Contains("Assert.Equal() Failure", failed.Messages[0]);
        Assert.Equal(FailureCause.Assertion, failed.Cause);
    }

    private Task<RunSummary> Run(string method, ExperienceVerdict verdict, params (string, string)[] lines) =>
        RunWith(method, new ScriptedEngine(_ => folder.Result(verdict, verdict == ExperienceVerdict.Passed ? null : ResultFolder.OrchestratorExited3), lines), new FakeCompose());

    private async Task<RunSummary> RunWith(string method, ScriptedEngine engine, FakeCompose compose)
    {
        var testCase = Assert.Single(await XunitObjects.DiscoverExperiencesAsync(typeof(PipelineFixtures), method));
        var services = new ExperienceServices(compose.Load, engine.RunAsync, new ExperienceSlots(_ => new ParallelLimit(2, "a test")));
        using var cancellation = new CancellationTokenSource();
        var request = new TestCaseRunRequest(
            ExplicitOption.Off,
            bus,
            [],
            ExceptionAggregator.Create(),
            cancellation,
            ParallelMode.None,
            ExecutionScheduler.CreateUnlimited(),
            new FixtureMappingManager("Test Method", null));
        return await testCase.Run(request, services);
    }
}
