using System.Diagnostics;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R21: every line of the current start, stdout and stderr, quick exits and large logs included.</summary>
[RequiresEngine]
public sealed class DockerRuntimeLogTests
{
    [Fact]
    public async Task R21_a_container_that_prints_and_exits_at_once_loses_no_line_of_stdout_or_stderr()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("quick");
        var quick = await run.StartServiceAsync(run.Service("quick", sandbox, "seq 1 500; echo oops >&2; printf 'no newline'"));
        Assert.Equal(0, await DockerTestRun.ExitCodeAsync(quick));

        var lines = await run.LogsAsync(quick);

        Assert.Equal(Enumerable.Range(1, 500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("no newline"),
            lines.Where(l => l.Stream == OutputChannel.StdOut).Select(l => l.Text));
        Assert.Equal(["oops"], lines.Where(l => l.Stream == OutputChannel.StdErr).Select(l => l.Text));
    }

    [Fact]
    public async Task R21_lines_stream_while_the_container_runs_and_the_stream_ends_when_it_stops()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("slow");
        var slow = await run.StartServiceAsync(run.Service("slow", sandbox, "echo first; sleep 1; echo second"));
        var clock = Stopwatch.StartNew();
        var arrivals = new List<(string Text, TimeSpan At)>();

        await foreach (var line in run.Runtime.StreamLogsAsync(slow, DockerTestRun.Token))
        {
            arrivals.Add((line.Text, clock.Elapsed));
        }

        Assert.Equal(["first", "second"], arrivals.Select(a => a.Text));
        Assert.True(arrivals[1].At - arrivals[0].At > TimeSpan.FromMilliseconds(500), "the first line should arrive before the container stops");
    }

    [Fact]
    public async Task R21_a_restarted_container_streams_only_the_lines_of_its_current_start()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var events = run.Runtime.WatchAsync(run.RunId, DockerTestRun.Token);
        var robot = await run.StartServiceAsync(run.Service("robot", sandbox, "echo start-$(cat /tmp/n 2>/dev/null || echo 1); echo 2 > /tmp/n"));
        var first = await run.LogsAsync(robot);
        await foreach (var e in events)
        {
            if (e.Kind == ContainerEventKind.Exited)
            {
                break;
            }
        }

        await run.Runtime.StartContainerAsync(robot, DockerTestRun.Token);
        var second = await run.LogsAsync(robot);

        Assert.Equal(["start-1"], first.Select(l => l.Text));
        Assert.Equal(["start-2"], second.Select(l => l.Text));
    }

    [Fact]
    public async Task R21_quick_restarts_without_a_watcher_never_repeat_earlier_lines()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var robot = await run.StartServiceAsync(run.Service("robot", sandbox, "n=$(($(cat /tmp/n 2>/dev/null || echo 0) + 1)); echo $n > /tmp/n; echo run-$n; echo err-$n >&2; exit 1"));
        var streams = new List<string>();
        for (var start = 1; start <= 4; start++)
        {
            Assert.Equal(1, await DockerTestRun.ExitCodeAsync(robot));
            streams.Add(string.Join(",", (await run.LogsAsync(robot)).Select(l => l.Text).Order(StringComparer.Ordinal)));
            if (start < 4)
            {
                await run.Runtime.StartContainerAsync(robot, DockerTestRun.Token);
            }
        }

        Assert.Equal(["err-1,run-1", "err-2,run-2", "err-3,run-3", "err-4,run-4"], streams);
    }

    [Fact]
    public async Task R21_a_50_MB_log_comes_through_whole()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("chatty");
        const int LineLength = 1023;
        const int Lines = 50 * 1024;
        var chatty = await run.StartServiceAsync(run.Service(
            "chatty", sandbox, $"yes $(printf '%0{LineLength}d' 0) | head -n {Lines}; yes long | head -c 100000 | tr -d '\\n'; echo"));

        long count = 0, bytes = 0;
        var longest = 0;
        await foreach (var line in run.Runtime.StreamLogsAsync(chatty, DockerTestRun.Token))
        {
            count++;
            bytes += line.Text.Length + 1;
            longest = Math.Max(longest, line.Text.Length);
        }

        Assert.Equal(Lines + 1, count);
        Assert.Equal(((long)Lines * (LineLength + 1)) + 100001 - 20000, bytes);
        Assert.Equal(80000, longest);
    }

    [Fact]
    public async Task R21_the_last_bytes_of_a_log_without_a_line_break_are_read_even_when_the_engine_s_followed_stream_misses_them()
    {
        // Docker 20.10's followed stream often ends without the last message of a container whose output ends without a line break.
        for (var run = 0; run < 3; run++)
        {
            await using var test = await DockerTestRun.StartAsync();
            var sandbox = await test.SandboxAsync("writer");
            var writer = await test.StartServiceAsync(test.Service("writer", sandbox, "sleep 0.3; head -c 100000 /dev/zero | tr '\\0' x; echo -n END"));

            var lines = await test.LogsAsync(writer);

            Assert.Equal([new string('x', 100_000) + "END"], lines.Select(l => l.Text));
        }
    }

    [Fact]
    public async Task R21_a_container_removed_while_its_log_is_read_ends_the_stream_with_how_much_was_read()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("victim");
        var victim = await run.StartServiceAsync(run.Service("victim", sandbox, "echo before; sleep 60"));
        await using var lines = run.Runtime.StreamLogsAsync(victim, DockerTestRun.Token).GetAsyncEnumerator(DockerTestRun.Token);
        Assert.True(await lines.MoveNextAsync());
        Assert.Equal("before", lines.Current.Text);

        // Removed by someone else while this reader waits: the engine deletes the log with the container.
        Assert.Equal(0, (await DockerCli.RunAsync("rm", "-f", victim)).ExitCode);
        var error = await Assert.ThrowsAsync<ExperienceInfrastructureException>(async () => await lines.MoveNextAsync());

        Assert.Equal(
            "The log is incomplete: the container was removed before its log could be read to the end; 7 bytes of this start were read, whatever followed is lost.",
            error.Message);
    }
}
