using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>R19: the run is removed whatever ends it, and infrastructure errors are results, not verdicts on the system under test.</summary>
public sealed class RunnerTeardownTests : IAsyncLifetime
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task After_the_verdict_what_still_runs_is_stopped_and_then_the_run_is_removed_R19()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("a"), Service("b"));

        var calls = scenario.Runtime.Calls;
        var removal = calls.ToList().IndexOf($"remove-run:{result.RunId}");
        Assert.Equal(calls.Count - 1, removal);
        Assert.True(calls.ToList().IndexOf("stop:a") < removal && calls.ToList().IndexOf("stop:b") < removal);
        Assert.DoesNotContain("stop:test", calls);
    }

    [Fact]
    public async Task Cancelling_the_run_tears_it_down_and_then_throws_R19()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.RunAsync(scenario.Experience(Orchestrator("test"), Service("robot")), cancel.Token));

        var calls = scenario.Runtime.Calls;
        Assert.Contains("stop:test", calls);
        Assert.Contains("stop:robot", calls);
        Assert.StartsWith("remove-run:", calls[^1], StringComparison.Ordinal);
        Assert.Contains(scenario.Observer.Changes, c => c.Kind == "cancelled");
    }

    [Fact]
    public async Task Cancelling_before_the_containers_start_still_removes_what_was_created_R19()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.RunAsync(scenario.Experience(Orchestrator("test")), cancel.Token));

        Assert.StartsWith("remove-run:", scenario.Runtime.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_is_an_error_naming_the_service_and_image_and_what_was_created_is_removed()
    {
        scenario.Runtime.MissingImages.Add(TestEngine.Image);

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("'test'", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains(TestEngine.Image, result.Reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Runtime.Calls, c => c.StartsWith("start:", StringComparison.Ordinal));
        Assert.StartsWith("remove-run:", scenario.Runtime.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_engine_is_an_error_with_the_runtime_message_and_nothing_else_is_tried()
    {
        scenario.Runtime.ConnectFailure = "Cannot reach the Docker engine at unix:///var/run/docker.sock; start it.";

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Equal(scenario.Runtime.ConnectFailure, result.Reason!.Message);
        Assert.Equal(["connect"], scenario.Runtime.Calls);
    }

    [Fact]
    public async Task A_compose_model_without_an_orchestrator_is_an_error_before_the_engine_is_touched_R5()
    {
        var result = await scenario.RunAsync(Service("robot"));

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("resim.ai/isTestOrchestrator", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Runtime.Calls);
    }

    [Fact]
    public async Task A_missing_inputs_folder_is_an_error_naming_it_R11()
    {
        var missing = Path.Combine(scenario.ResultsDirectory, "no-such-inputs");
        var experience = scenario.Experience(Orchestrator("test")).WithSettings(s => s with { InputsDirectory = missing });

        var result = await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains(missing, result.Reason!.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Runtime.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_event_stream_that_breaks_is_an_error_and_the_run_is_still_removed_R19(bool reportedAsInfrastructure)
    {
        var run = scenario.RunAsync(Orchestrator("test"));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        scenario.Runtime.BreakEvents(reportedAsInfrastructure ? new ExperienceInfrastructureException("the engine went away") : new IOException("the engine went away"));

        var result = await run;

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.EndsWith("the engine went away", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("stop:test", scenario.Runtime.Calls);
        Assert.StartsWith("remove-run:", scenario.Runtime.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_results_folder_that_cannot_be_written_is_an_error_naming_it()
    {
        Directory.CreateDirectory(scenario.ResultsDirectory);
        var file = Path.Combine(scenario.ResultsDirectory, "a-file");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var experience = scenario.Experience(Orchestrator("test")).WithSettings(s => s with { ResultsDirectory = Path.Combine(file, "results") });

        var result = await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains("Cannot write the results folder", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("ExperienceSettings.ResultsDirectory", result.Reason.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Runtime.Calls);
    }

    [Fact]
    public async Task A_stop_the_engine_refuses_is_recorded_and_the_run_is_still_removed_R19()
    {
        scenario.Runtime.StopFailure = "cannot stop";
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Contains(scenario.Observer.Changes, c => c is { Service: "robot", Kind: "stop-failed", Detail: "cannot stop" });
        Assert.StartsWith("remove-run:", scenario.Runtime.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_experiences_at_once_on_one_runner_and_engine_do_not_collide_R19()
    {
        scenario.Runtime
            .Script("pass", StartScript.Run.Wait(100).Exit(0))
            .Script("fail", StartScript.Run.Wait(100).Exit(1));
        var runner = new ExperienceRunner(scenario.Runtime);
        var token = TestContext.Current.CancellationToken;
        var results = Path.Combine(scenario.ResultsDirectory, "second");

        var both = await Task.WhenAll(
            runner.RunAsync(scenario.Experience(Orchestrator("pass"), Service("robot")), null, token),
            runner.RunAsync(scenario.Experience(Orchestrator("fail"), Service("robot")).WithSettings(s => s with { ResultsDirectory = results }), null, token));

        Assert.Equal([ExperienceVerdict.Passed, ExperienceVerdict.Failed], both.Select(r => r.Verdict));
        Assert.NotEqual(both[0].RunId, both[1].RunId);
        Assert.Equal(4, scenario.Runtime.Containers.Select(c => c.Name).Distinct().Count());
        Assert.All(both, r => Assert.Contains($"remove-run:{r.RunId}", scenario.Runtime.Calls));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
