using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Reporting;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.Reporting;

public class LiveOutputObserverTests
{
    private readonly RecordingReport report = new();

    [Fact]
    public void Container_lines_are_prefixed_by_service_and_stderr_is_marked()
    {
        var observer = new LiveOutputObserver(report);

        observer.OnLogLine("planner", OutputChannel.StdOut, "serving on 7001");
        observer.OnLogLine("controller", OutputChannel.StdErr, "planner not up yet");

        Assert.Equal(["[planner] serving on 7001", "[controller!] planner not up yet"], report.Lines);
    }

    [Fact]
    public void State_changes_show_when_which_service_and_what_R23()
    {
        var observer = new LiveOutputObserver(report);

        observer.OnStateChange(new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1.25), "controller", "restarted", "exit code 1, dependency planner not healthy"));
        observer.OnStateChange(new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3), null, "verdict", null));

        Assert.Equal(["-- +1.3 s controller restarted (exit code 1, dependency planner not healthy)", "-- +3.0 s experience verdict"], report.Lines);
    }

    [Fact]
    public void State_changes_and_no_container_lines_go_to_the_live_progress_until_it_is_closed()
    {
        var progress = new List<string>();
        var observer = new LiveOutputObserver(report, progress: progress.Add);

        observer.OnLogLine("robot", OutputChannel.StdOut, "hello");
        observer.OnStateChange(new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(0.3), "robot", "started", null));
        observer.Close();
        observer.OnStateChange(new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), "robot", "stopped", null));

        Assert.Equal(["+0.3 s robot started"], progress);
    }

    [Fact]
    public void Lines_beyond_the_limit_are_left_to_the_attached_logs_with_one_note()
    {
        var observer = new LiveOutputObserver(report, maxLogLines: 2);

        for (var i = 1; i <= 5; i++)
        {
            observer.OnLogLine("node", OutputChannel.StdOut, $"line {i}");
        }

        Assert.Equal(3, report.Lines.Count);
        Assert.Equal(["[node] line 1", "[node] line 2"], report.Lines.Take(2));
        Assert.StartsWith("-- more than 2 container lines", report.Lines[2]);
    }

    [Fact]
    public void Nothing_is_written_after_the_test_ends()
    {
        var observer = new LiveOutputObserver(report);

        observer.Close();
        observer.OnLogLine("node", OutputChannel.StdOut, "late line");

        Assert.Empty(report.Lines);
    }
}
