using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R21 on the real engine: one log file per service with every line of stdout and stderr, restarts under numbered headers.</summary>
[RequiresEngine]
public sealed class R21LogTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task A_container_that_prints_and_exits_at_once_loses_no_line_of_stdout_or_stderr_R21()
    {
        var observer = new LiveObserver();
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "seq 1 3000; seq 1 50 | sed 's/^/err /' >&2"]
            """);

        var result = await engine.RunAsync(experience, observer);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var lines = RealEngine.Log(result, "test").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("=== start 1 ===", lines[0]);
        // The engine orders the two streams by when it read them; within each stream the order is kept.
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines[1..].Where(l => !l.StartsWith("err", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"err {i}"), lines[1..].Where(l => l.StartsWith("err", StringComparison.Ordinal)));
        Assert.Equal(3050, observer.Lines.Count);
        Assert.Equal(50, observer.Lines.Count(l => l.Stream == OutputChannel.StdErr));
    }

    [Fact]
    public async Task Each_service_has_its_own_log_with_every_start_under_a_numbered_header_R21()
    {
        // The robot fails twice, then stays up; the orchestrator passes once it has seen the third start.
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "echo orchestrating; {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/up", then: "exit 0")}}; exit 1"]
              robot:
                image: {{TestEngine.Image}}
                restart: on-failure:5
                command:
                  - sh
                  - -c
                  - |
                    n=$$(( $$(cat /tmp/n 2>/dev/null || echo 0) + 1 )); echo $$n > /tmp/n
                    echo "out $$n"; sleep 0.1; echo "err $$n" >&2
                    [ $$n -ge 3 ] || exit 1
                    touch /tmp/resim/outputs/up; sleep 30
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var robot = RealEngine.Log(result, "robot").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, robot.Length);
        Assert.Equal(["=== start 1 ===", "out 1", "err 1"], robot[0..3]);
        Assert.StartsWith("=== start 2 (restart: exited with code 1;", robot[3], StringComparison.Ordinal);
        Assert.Equal(["out 2", "err 2"], robot[4..6]);
        Assert.StartsWith("=== start 3 (restart: ", robot[6], StringComparison.Ordinal);
        Assert.Equal(["out 3", "err 3"], robot[7..9]);
        Assert.Equal(["=== start 1 ===", "orchestrating"], RealEngine.Log(result, "test").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Path.Combine(result.ResultsDirectory, "experience-robot-container.log"), RealEngine.Service(result, "robot").LogFile);
    }

    [Fact]
    public async Task A_50_MB_log_is_kept_whole_in_the_log_file_R21()
    {
        var result = await engine.RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "yes $$(printf '%01023d' 0) | head -n 51200; echo last"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var file = Path.Combine(result.ResultsDirectory, "experience-test-container.log");
        Assert.Equal("=== start 1 ===\n".Length + (51200L * 1024) + "last\n".Length, new FileInfo(file).Length);
        Assert.Equal("last", File.ReadLines(file).Last());
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
