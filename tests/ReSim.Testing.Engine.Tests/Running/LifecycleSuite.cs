using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Scripted;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>
/// The lifecycle rules (R14-R19) end to end through <see cref="ExperienceRunner"/>, written once for any runtime: each
/// service plays <see cref="StartScript"/>s, which a subclass hands to its runtime (the scripted one plays them, a real
/// engine runs them as <see cref="ShellScript"/> programs). Assertions use only the result, never the runtime.
/// </summary>
public abstract class LifecycleSuite : IAsyncDisposable
{
    private readonly string results = Path.Combine(Path.GetTempPath(), "resim-testing-tests", Guid.NewGuid().ToString("N"));

    protected abstract IContainerRuntime Runtime { get; }

    /// <summary>How much slower than the scripted runtime the runtime is; every wait and timeout is scaled by it.</summary>
    protected virtual double TimeScale => 1;

    [Fact]
    public async Task The_orchestrator_exiting_0_passes_and_the_idle_service_is_stopped_R16_R19()
    {
        var result = await RunAsync(Play(Orchestrator("test"), Run.Print("testing").Wait(Ms(50)).Exit(0)), Idle(Service("robot")));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Null(result.Reason);
        Assert.Equal(["test", "robot"], result.Services.Select(s => s.Name));
        Assert.Equal([0], result.Services[0].ExitCodes);
        Assert.True(result.Services[1].StoppedAtTeardown);
        await AssertNothingLeftAsync(result);
    }

    [Fact]
    public async Task The_orchestrator_exiting_non_zero_fails_with_its_code_and_last_lines_R16_R20()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"line {i}").ToArray();

        var result = await RunAsync(Play(Orchestrator("test"), Run.Print(lines).Exit(3)), Idle(Service("robot")));

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("test", (int?)3), (result.Reason!.Service, result.Reason.ExitCode));
        Assert.Equal(lines[10..], result.Reason.Log.StdOut);
        Assert.Contains("exited with code 3", result.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_crashing_before_its_dependency_is_healthy_is_restarted_and_the_experience_passes_R15()
    {
        var result = await RunAsync(
            Play(Orchestrator("test"), Run.Wait(Ms(500)).Exit(0)),
            Play(Service("robot", null, On("sim", DependencyCondition.ServiceHealthy)), Run.Print("no sim yet").Exit(1), Run.Print("connected")),
            Play(Service("sim"), Run.Wait(Ms(150)).Healthy()));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        var robot = result.Services.Single(s => s.Name == "robot");
        var restart = Assert.Single(robot.Restarts);
        Assert.Equal(1, restart.ExitCode);
        Assert.Contains("R15", restart.Reason, StringComparison.Ordinal);
        Assert.Equal("healthy", result.Services.Single(s => s.Name == "sim").LastHealth);
    }

    [Fact]
    public async Task On_failure_2_exhausted_fails_after_two_recorded_restarts_R17()
    {
        var result = await RunAsync(Idle(Orchestrator("test")), Play(Service("robot", new RestartPolicy(RestartKind.OnFailure, 2)), Run.Print("try").Exit(2)));

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("robot", (int?)2), (result.Reason!.Service, result.Reason.ExitCode));
        var robot = result.Services.Single(s => s.Name == "robot");
        Assert.Equal([2, 2, 2], robot.ExitCodes);
        Assert.Equal(2, robot.Restarts.Length);
        Assert.All(robot.Restarts, r => Assert.Contains("on-failure:2", r.Reason, StringComparison.Ordinal));
        await AssertNothingLeftAsync(result);
    }

    [Fact]
    public async Task An_orchestrator_with_a_restart_policy_is_not_restarted_R16()
    {
        var result = await RunAsync(Play(Orchestrator("test", new RestartPolicy(RestartKind.Always)), Run.Exit(1)));

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Empty(result.Services[0].Restarts);
        Assert.Equal([1], result.Services[0].ExitCodes);
    }

    [Fact]
    public async Task Two_orchestrators_pass_only_when_both_have_exited_0_R16()
    {
        var result = await RunAsync(Play(Orchestrator("first"), Run.Exit(0)), Play(Orchestrator("second"), Run.Wait(Ms(300)).Exit(0)));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        Assert.Equal([[0], [0]], result.Services.Select(s => s.ExitCodes.ToArray()));
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(Ms(250)), $"passed after {result.Duration}, before the second orchestrator exited");
    }

    [Fact]
    public async Task Two_orchestrators_one_failing_after_the_other_passed_fails_R16()
    {
        var result = await RunAsync(Play(Orchestrator("first"), Run.Exit(0)), Play(Orchestrator("second"), Run.Wait(Ms(200)).Exit(4)));

        Assert.Equal((ExperienceVerdict.Failed, "second", (int?)4), (result.Verdict, result.Reason!.Service, result.Reason.ExitCode));
    }

    [Fact]
    public async Task A_service_exiting_0_is_not_restarted_and_the_experience_goes_on_R17()
    {
        var result = await RunAsync(Play(Orchestrator("test"), Run.Wait(Ms(300)).Exit(0)), Play(Service("setup", new RestartPolicy(RestartKind.Always)), Run.Exit(0)));

        Assert.Equal(ExperienceVerdict.Passed, result.Verdict);
        var setup = result.Services.Single(s => s.Name == "setup");
        Assert.Equal([0], setup.ExitCodes);
        Assert.Empty(setup.Restarts);
        Assert.False(setup.StoppedAtTeardown);
    }

    [Fact]
    public async Task The_timeout_gives_TimedOut_and_tears_down_R18_R19()
    {
        var result = await RunAsync(TimeSpan.FromMilliseconds(Ms(300)), Idle(Orchestrator("test")), Idle(Service("robot")));

        Assert.Equal(ExperienceVerdict.TimedOut, result.Verdict);
        Assert.Null(result.Reason!.Service);
        Assert.Contains("timed out", result.Reason.Message, StringComparison.Ordinal);
        Assert.All(result.Services, s => Assert.True(s.StoppedAtTeardown));
        await AssertNothingLeftAsync(result);
    }

    [Fact]
    public async Task Exits_racing_each_other_are_decided_by_the_first_one_the_engine_reports_R16_R17()
    {
        var result = await RunAsync(Play(Orchestrator("test"), Run.Wait(Ms(50)).Exit(0)), Play(Service("robot"), Run.Wait(Ms(50)).Exit(9)));

        var firstExit = File.ReadLines(result.TimelineFile!).First(l => l.Contains("\"exited\"", StringComparison.Ordinal));
        var orchestratorFirst = firstExit.Contains("\"service\":\"test\"", StringComparison.Ordinal);
        Assert.Equal(orchestratorFirst ? ExperienceVerdict.Passed : ExperienceVerdict.Failed, result.Verdict);
        await AssertNothingLeftAsync(result);
    }

    public virtual ValueTask DisposeAsync()
    {
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Gives <paramref name="service"/> its scripts, one per start (the last repeats), for this suite's runtime.</summary>
    protected abstract ServiceDefinition Play(ServiceDefinition service, params StartScript[] starts);

    /// <summary>Checks that nothing of the run is left on the runtime (R19).</summary>
    protected abstract Task AssertNothingLeftAsync(ExperienceResult result);

    protected static StartScript Run => StartScript.Run;

    protected ServiceDefinition Idle(ServiceDefinition service) => Play(service, Run);

    protected int Ms(int milliseconds) => (int)(milliseconds * TimeScale);

    protected Task<ExperienceResult> RunAsync(params ServiceDefinition[] services) => RunAsync(TimeSpan.FromSeconds(30), services);

    protected Task<ExperienceResult> RunAsync(TimeSpan timeout, params ServiceDefinition[] services) =>
        new ExperienceRunner(Runtime).RunAsync(
            new Experience
            {
                Compose = ComposeOf(services),
                Settings = new()
                {
                    ResultsDirectory = results,
                    Timeout = timeout,
                    StopGracePeriod = TimeSpan.FromSeconds(1),
                    MetricsInterval = TimeSpan.FromMilliseconds(100),
                },
            },
            null,
            TestContext.Current.CancellationToken);
}
