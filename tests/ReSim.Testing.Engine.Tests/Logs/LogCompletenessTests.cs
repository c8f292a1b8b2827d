using System.Globalization;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Rules;

namespace ReSim.Testing.Engine.Tests.Logs;

/// <summary>
/// R20 and R21 on the real engine while it is busy (<see cref="BusyEngine"/>): every byte of fast, large and odd output is
/// in the log file, counted exactly, and a failure message shows the crash's reason.
/// </summary>
[Collection(LogCompletenessUnderLoad.Name)]
[RequiresEngine]
public sealed class LogCompletenessTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task Three_hundred_thousand_fast_lines_of_a_side_service_and_of_an_orchestrator_that_exits_at_once_are_all_kept_R21()
    {
        var result = await RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "while [ ! -f /tmp/resim/outputs/talked ]; do sleep 0.05; done; seq 1 300000; echo orch-last-line"]
              talker:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "seq 1 300000; echo talker-last-line; touch /tmp/resim/outputs/talked; sleep 60"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        AssertNumbered(result, "talker", 300_000, "talker-last-line");
        AssertNumbered(result, "test", 300_000, "orch-last-line");
    }

    [Fact]
    public async Task A_200_MB_log_of_an_orchestrator_is_kept_to_the_byte_R21()
    {
        const long lines = 1_048_576;
        var result = await RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "yes $$(printf '%0199d' 0) | head -n {{lines}}; echo -n END"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var file = RealEngine.Service(result, "test").LogFile!;
        Assert.Equal("=== start 1 ===\n".Length + (lines * 200) + "END\n".Length, new FileInfo(file).Length);
        Assert.Equal(lines + 2, File.ReadLines(file).LongCount());
        Assert.Equal("END", File.ReadLines(file).Last());
        Assert.Empty(RealEngine.Service(result, "test").LogGaps);
    }

    [Fact]
    public async Task A_1_MiB_line_without_a_line_break_and_the_bytes_after_it_are_one_whole_line_R21()
    {
        var result = await RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "head -c 1048576 /dev/zero | tr '\\0' x; echo -n END"]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var lines = File.ReadAllLines(RealEngine.Service(result, "test").LogFile!);
        Assert.Equal(2, lines.Length);
        Assert.Equal(new string('x', 1_048_576) + "END", lines[1]);
    }

    [Fact]
    public async Task Interleaved_numbered_stdout_and_stderr_lines_are_all_kept_each_stream_in_its_order_R21()
    {
        var observer = new LiveObserver();
        var experience = Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "i=1; while [ $$i -le 20000 ]; do echo out $$i; echo err $$i >&2; i=$$((i+1)); done"]
            """);

        var result = await engine.RunAsync(experience, observer);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        var lines = File.ReadAllLines(RealEngine.Service(result, "test").LogFile!)[1..];
        Assert.Equal(40_000, lines.Length);
        Assert.Equal(Numbers("out ", 20_000), lines.Where(l => l.StartsWith("out ", StringComparison.Ordinal)));
        Assert.Equal(Numbers("err ", 20_000), lines.Where(l => l.StartsWith("err ", StringComparison.Ordinal)));
        // The live lines are the file's lines in the file's order: both are the engine's order.
        Assert.Equal(lines, observer.Lines.Select(l => l.Text));
        Assert.Equal(Numbers("err ", 20_000), observer.Lines.Where(l => l.Stream == OutputChannel.StdErr).Select(l => l.Text));
    }

    [Fact]
    public async Task A_crash_whose_reason_is_the_last_stderr_line_after_100000_stdout_lines_names_it_in_the_failure_R20()
    {
        var result = await RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "60"]
              localiser:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "seq 1 100000 | sed 's/^/telemetry sample /'; echo 'FATAL: localisation error' >&2; exit 1"]
            """);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("localiser", (int?)1), (result.Reason!.Service, result.Reason.ExitCode));
        Assert.Equal("FATAL: localisation error", result.Reason.Log.StdErr[^1]);
        Assert.Equal("telemetry sample 100000", result.Reason.Log.StdOut[^1]);
        Assert.Contains($"Last 1 line of localiser's stderr:{Environment.NewLine}  FATAL: localisation error", result.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains(RealEngine.Service(result, "localiser").LogFile!, result.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal(100_002, File.ReadLines(RealEngine.Service(result, "localiser").LogFile!).Count());
    }

    [Fact]
    public async Task An_orchestrator_failing_after_200000_lines_shows_its_fatal_stderr_line_R20()
    {
        var result = await RunAsync($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sh", "-c", "seq 1 200000 | sed 's/^/telemetry sample /'; echo 'FATAL: localisation error' >&2; exit 1"]
            """);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(["FATAL: localisation error"], result.Reason!.Log.StdErr);
        Assert.Equal(200_002, File.ReadLines(RealEngine.Service(result, "test").LogFile!).Count());
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private static IEnumerable<string> Numbers(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));

    private static void AssertNumbered(ExperienceResult result, string service, int count, string last)
    {
        var lines = File.ReadAllLines(RealEngine.Service(result, service).LogFile!);
        Assert.Equal(count + 2, lines.Length);
        Assert.Equal("=== start 1 ===", lines[0]);
        Assert.Equal(Numbers(string.Empty, count), lines[1..^1]);
        Assert.Equal(last, lines[^1]);
        Assert.Empty(RealEngine.Service(result, service).LogGaps);
    }

    // The writers here take a while on a busy engine: the timeout is minutes, not the rule tests' 20 s.
    private Experience Experience(string yaml) => engine.Experience(yaml).WithSettings(s => s with { Timeout = TimeSpan.FromMinutes(5) });

    private Task<ExperienceResult> RunAsync(string yaml) => engine.RunAsync(Experience(yaml));
}
