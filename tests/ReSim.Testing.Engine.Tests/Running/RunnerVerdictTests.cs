using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>The runner end to end on a scripted runtime: verdicts and restarts (R14-R18).</summary>
public sealed class RunnerVerdictTests : IAsyncLifetime
{
    private readonly RunScenario scenario = new();

    [Fact]
    public async Task The_orchestrator_exiting_0_passes_and_the_idle_service_is_stopped_R16_R19()
    {
        scenario.Runtime.Script("test", StartScript.Run.Print("testing").Wait(50).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Null(result.Reason);
        Assert.Equal(["test", "robot"], result.Services.Select(s => s.Name));
        Assert.Equal([0], result.Services[0].ExitCodes);
        Assert.True(result.Services[1].StoppedAtTeardown);
        Assert.Contains("stop:robot", scenario.Runtime.Calls);
    }

    [Fact]
    public async Task The_orchestrator_exiting_non_zero_fails_with_its_code_and_last_lines_R16_R20()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"line {i}").ToArray();
        scenario.Runtime.Script("test", StartScript.Run.Print(lines).Exit(3));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("test", (int?)3), (result.Reason!.Service, result.Reason.ExitCode));
        Assert.Equal(lines[10..], result.Reason.LastLogLines);
        Assert.Contains("exited with code 3", result.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 30", result.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_crashing_before_its_dependency_is_healthy_is_restarted_and_the_experience_passes_R15()
    {
        scenario.Runtime
            .Script("robot", StartScript.Run.Print("no sim yet").Exit(1), StartScript.Run.Print("connected"))
            .Script("sim", StartScript.Run.Wait(100).Healthy())
            .Script("test", StartScript.Run.Wait(400).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", null, On("sim", DependencyCondition.ServiceHealthy)), Service("sim"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        var robot = result.Services.Single(s => s.Name == "robot");
        var restart = Assert.Single(robot.Restarts);
        Assert.Equal(1, restart.ExitCode);
        Assert.Contains("R15", restart.Reason, StringComparison.Ordinal);
        Assert.Equal(2, scenario.Runtime.StartsOf("robot"));
        Assert.Equal("healthy", result.Services.Single(s => s.Name == "sim").LastHealth);
    }

    [Fact]
    public async Task On_failure_2_exhausted_fails_after_two_recorded_restarts_R17()
    {
        scenario.Runtime
            .Script("robot", StartScript.Run.Print("try").Exit(2))
            .Script("test", StartScript.Run);

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot", new RestartPolicy(RestartKind.OnFailure, 2)));

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("robot", (int?)2), (result.Reason!.Service, result.Reason.ExitCode));
        var robot = result.Services.Single(s => s.Name == "robot");
        Assert.Equal([2, 2, 2], robot.ExitCodes);
        Assert.Equal(2, robot.Restarts.Length);
        Assert.All(robot.Restarts, r => Assert.Contains("on-failure:2", r.Reason, StringComparison.Ordinal));
        Assert.Equal(3, scenario.Runtime.StartsOf("robot"));
    }

    [Fact]
    public async Task An_orchestrator_with_a_restart_policy_is_not_restarted_R16()
    {
        scenario.Runtime.Script("test", StartScript.Run.Exit(1));

        var result = await scenario.RunAsync(Orchestrator("test", new RestartPolicy(RestartKind.Always)));

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(1, scenario.Runtime.StartsOf("test"));
    }

    [Fact]
    public async Task Two_orchestrators_pass_only_when_both_have_exited_0_R16()
    {
        scenario.Runtime
            .Script("first", StartScript.Run.Exit(0))
            .Script("second", StartScript.Run.Wait(200).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("first"), Orchestrator("second"));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(150), $"passed after {result.Duration}, before the second orchestrator exited");
    }

    [Fact]
    public async Task Two_orchestrators_one_failing_after_the_other_passed_fails_R16()
    {
        scenario.Runtime
            .Script("first", StartScript.Run.Exit(0))
            .Script("second", StartScript.Run.Wait(100).Exit(4));

        var result = await scenario.RunAsync(Orchestrator("first"), Orchestrator("second"));

        Assert.Equal((ExperienceVerdict.Failed, "second", (int?)4), (result.Verdict, result.Reason!.Service, result.Reason.ExitCode));
    }

    [Fact]
    public async Task A_service_exiting_0_is_not_restarted_and_the_experience_goes_on_R17()
    {
        scenario.Runtime
            .Script("setup", StartScript.Run.Exit(0))
            .Script("test", StartScript.Run.Wait(150).Exit(0));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("setup", new RestartPolicy(RestartKind.Always)));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal(1, scenario.Runtime.StartsOf("setup"));
        Assert.False(result.Services.Single(s => s.Name == "setup").StoppedAtTeardown);
    }

    [Fact]
    public async Task The_timeout_gives_TimedOut_and_tears_down_R18_R19()
    {
        var experience = scenario.Experience(Orchestrator("test"), Service("robot")) with { Timeout = TimeSpan.FromMilliseconds(200) };

        var result = await scenario.RunAsync(experience, TestContext.Current.CancellationToken);

        Assert.Equal(ExperienceVerdict.TimedOut, result.Verdict);
        Assert.Null(result.Reason!.Service);
        Assert.Contains("timed out", result.Reason.Message, StringComparison.Ordinal);
        Assert.Contains("stop:test", scenario.Runtime.Calls);
        Assert.Contains("stop:robot", scenario.Runtime.Calls);
        Assert.Equal($"remove-run:{result.RunId}", scenario.Runtime.Calls[^1]);
    }

    [Fact]
    public async Task Exits_racing_each_other_are_decided_by_the_first_one_the_engine_reports_R16_R17()
    {
        scenario.Runtime
            .Script("test", StartScript.Run.Wait(50).Exit(0))
            .Script("robot", StartScript.Run.Wait(50).Exit(9));

        var result = await scenario.RunAsync(Orchestrator("test"), Service("robot"));

        var firstExit = scenario.Observer.Changes.First(c => c.Kind == "exited");
        Assert.Equal(firstExit.Service == "test" ? ExperienceVerdict.Passed : ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal($"remove-run:{result.RunId}", scenario.Runtime.Calls[^1]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
