using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R20 on the real engine: a failure names the service, its exit code, when, and the last lines of its log.</summary>
[RequiresEngine]
public sealed class R20FailureReasonTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    // The pause before the stderr line: the engine orders lines of the two streams by when it read them.
    [Fact]
    public async Task A_failure_names_service_exit_code_time_and_the_last_log_lines_from_stdout_and_stderr_R20()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "30"]
              robot:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "sleep 0.5; for i in $$(seq 1 29); do echo line $$i; done; sleep 0.2; echo fatal: arm collided >&2; exit 7"]
            """);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        var reason = result.Reason!;
        Assert.Equal(("robot", (int?)7), (reason.Service, reason.ExitCode));
        Assert.Contains("'robot'", reason.Message, StringComparison.Ordinal);
        Assert.Contains("code 7", reason.Message, StringComparison.Ordinal);
        Assert.InRange(reason.At, TimeSpan.FromSeconds(0.4), result.Duration);
        Assert.Equal([.. Enumerable.Range(10, 20).Select(i => $"line {i}")], reason.Log.StdOut);
        Assert.Equal(["fatal: arm collided"], reason.Log.StdErr);
        Assert.Equal(RealEngine.Service(result, "robot").LogFile, reason.Log.LogFile);
        Assert.Contains($"Last 1 line of robot's stderr:{Environment.NewLine}  fatal: arm collided{Environment.NewLine}Last 20 lines of robot's stdout:", reason.ToString(), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
