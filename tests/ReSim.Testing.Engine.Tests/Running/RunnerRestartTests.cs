using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>Restarts carried out off the decision loop, with back-off (R15, R17), and what teardown does with them (R19).</summary>
public sealed class RunnerRestartTests : IAsyncLifetime
{
    private static readonly RestartPolicy Always = new(RestartKind.Always);

    private RunScenario scenario = new();

    [Fact]
    public async Task A_service_restarted_before_the_orchestrator_passes_is_stopped_at_teardown_after_its_last_start_R17_R19()
    {
        // Every order of restart and verdict is RunPolicyTests'; here the loop and its effects carry one out end to end.
        scenario.Runtime.Script("test", StartScript.Run.Wait(1500).Exit(0)).Script("robot", StartScript.Run.Wait(100).Exit(1), StartScript.Run);

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", Always));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal(2, scenario.Runtime.StartsOf("robot"));
        var calls = scenario.Runtime.Calls.ToList();
        Assert.True(calls.LastIndexOf("stop:robot") > calls.LastIndexOf("start:robot"), string.Join(", ", calls));
        Assert.StartsWith("remove-run:", calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verdict_arriving_while_a_restart_drains_the_old_log_is_decided_and_the_restart_is_dropped_R17_R19()
    {
        scenario.Runtime.LogDelivery = TimeSpan.FromMilliseconds(300);
        scenario.Runtime.Script("test", StartScript.Run.Wait(200).Exit(0)).Script("robot", StartScript.Run.Print("one", "two", "three").Exit(1));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", Always));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal(1, scenario.Runtime.StartsOf("robot"));
        Assert.Contains(scenario.Observer.Changes, c => c.Service == "robot" && c.Kind == "restart-cancelled");
        Assert.Contains("three", scenario.Log("robot"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_looping_service_restarts_with_a_growing_back_off_not_as_fast_as_it_can_R17()
    {
        scenario.Runtime.Script("test", StartScript.Run.Wait(1500).Exit(0)).Script("robot", StartScript.Run.Exit(1));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", Always));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var starts = scenario.Runtime.StartsOf("robot");
        Assert.InRange(starts, 3, 9);
        var restarts = result.Services.Single(s => s.Name == "robot").Restarts;
        Assert.EndsWith("restarted at once", restarts[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("restarted after a back-off of 0.100 s", restarts[1].Reason, StringComparison.Ordinal);
        Assert.EndsWith("restarted after a back-off of 0.200 s", restarts[2].Reason, StringComparison.Ordinal);
        Assert.All(restarts, r => Assert.Equal(RestartCause.RestartPolicy, r.Cause));
        Assert.Contains(scenario.Observer.Changes, c => c.Kind == "restarted" && c.Detail!.Contains("back-off of 0.100 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restarts_before_dependencies_are_satisfied_record_their_cause_R15()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(3), StartScript.Run.Wait(300).Exit(0)).Script("sim", StartScript.Run.Wait(100).Healthy());

        var result = await scenario.RunAsync(Orchestrator("test", null, On("sim", DependencyCondition.ServiceHealthy)), Service("sim"));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var restart = Assert.Single(result.Services.Single(s => s.Name == "test").Restarts);
        Assert.Equal(RestartCause.DependenciesNotSatisfied, restart.Cause);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
