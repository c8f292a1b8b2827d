using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>R19: a teardown that goes wrong is reported in the result, never instead of it, and never as an exception.</summary>
public sealed class RunnerTeardownFailureTests : IAsyncLifetime
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task A_stop_failing_with_any_exception_is_recorded_and_the_run_is_still_removed_with_its_verdict_R19()
    {
        scenario.Runtime.StopException = new InvalidOperationException("connection reset");
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Contains(scenario.Observer.Changes, c => c.Service == "robot" && c.Kind == "stop-failed" && c.Detail == "connection reset");
        Assert.StartsWith("remove-run:", scenario.Runtime.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_that_cannot_be_read_to_its_end_is_marked_at_the_gap_and_in_the_result_without_changing_the_verdict_R21()
    {
        scenario.Runtime.LogBreaksAfter["test"] = 2;
        scenario.Runtime.Script("test", StartScript.Run.Print("one", "two", "three").Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        var test = result.Services.Single(s => s.Name == "test");
        var gap = Assert.Single(test.LogGaps);
        Assert.Equal("start 1: The log is incomplete: scripted break; 2 lines of this start were read.", gap);
        Assert.Equal(["=== start 1 ===", "one", "two", $"=== GAP: {gap} ==="], File.ReadAllLines(test.LogFile!));
    }

    [Fact]
    public async Task A_removal_failure_turns_the_result_into_an_error_that_keeps_the_original_reason_R19_R20()
    {
        scenario.Runtime.RemoveException = new ExperienceInfrastructureException("the engine refused to remove the volume.");
        scenario.Runtime.Script("test", StartScript.Run.Print("bad news").Exit(4));

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.StartsWith("Orchestrator 'test' exited with code 4", result.Reason!.Message, StringComparison.Ordinal);
        Assert.Contains("Teardown failed: the engine refused to remove the volume.", result.Reason.Message, StringComparison.Ordinal);
        Assert.Equal(("test", 4), (result.Reason.Service, result.Reason.ExitCode));
        Assert.Contains("bad news", result.Reason.Log.StdOut);
    }

    [Fact]
    public async Task A_removal_failure_after_a_pass_is_an_error_not_an_exception_R19()
    {
        scenario.Runtime.RemoveException = new InvalidOperationException("socket closed");
        scenario.Runtime.Script("test", StartScript.Run.Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"));

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.StartsWith("Teardown failed: socket closed", result.Reason!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_files_cannot_be_created_is_an_error_result_naming_the_folder_and_nothing_reaches_the_engine()
    {
        // A folder where the log file should go: the file cannot be created.
        Directory.CreateDirectory(Path.Combine(scenario.ResultsDirectory, "experience-test-container.log"));

        var result = await scenario.RunAsync(scenario.Experience(Orchestrator("test")), TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.StartsWith($"The run's files could not be created in {scenario.ResultsDirectory}: ", result.Reason!.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check that the results folder can be written.", result.Reason.Message, StringComparison.Ordinal);
        Assert.Equal(scenario.ResultsDirectory, result.ResultsDirectory);
        Assert.Empty(scenario.Runtime.Calls);
    }

    [Fact]
    public async Task A_cancelled_run_whose_removal_fails_still_ends_in_a_cancellation_R19()
    {
        scenario.Runtime.RemoveException = new InvalidOperationException("socket closed");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.RunAsync(scenario.Experience(Orchestrator("test")), cancel.Token));

        Assert.StartsWith("remove-run:", scenario.Runtime.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_removed_entry_keeps_counting_from_the_experiences_start_R23()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(100).Exit(0));

        await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        var verdict = scenario.Observer.Changes.Single(c => c.Kind == "verdict");
        var removed = scenario.Observer.Changes.Single(c => c.Kind == "removed");
        Assert.True(removed.Elapsed >= verdict.Elapsed && removed.Elapsed > TimeSpan.Zero, $"removed at {removed.Elapsed}, verdict at {verdict.Elapsed}");
    }

    [Fact]
    public async Task A_timeout_names_the_services_still_waiting_on_their_dependencies_R18_R20()
    {
        scenario.Runtime.Script("controller", StartScript.Run.Exit(1));
        var experience = scenario.Experience(
            Orchestrator("test", null, On("controller")),
            Service("planner"),
            Service("controller", null, On("planner", DependencyCondition.ServiceHealthy))).WithSettings(s => s with { Timeout = TimeSpan.FromMilliseconds(400) });

        var result = await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.TimedOut, result.Verdict);
        Assert.Contains("controller waits for planner (service_healthy)", result.Reason!.Message, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
