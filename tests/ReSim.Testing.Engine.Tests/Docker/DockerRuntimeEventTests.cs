using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>The event stream the lifecycle is driven by (R14-R18): start, health and exit code, nothing lost.</summary>
[RequiresEngine]
public sealed class DockerRuntimeEventTests
{
    [Fact]
    public async Task A_container_with_a_healthcheck_reports_started_then_healthy_then_exited_with_its_code()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var events = run.Runtime.WatchAsync(run.RunId, DockerTestRun.Token);
        var spec = run.Service("robot", sandbox, "touch /tmp/ready; sleep 1.5; exit 3") with
        {
            Healthcheck = new HealthCheckSpec { Test = ["CMD-SHELL", "test -f /tmp/ready"], Interval = TimeSpan.FromMilliseconds(200), Retries = 1 },
        };
        var robot = await run.StartServiceAsync(spec);

        var seen = await TakeUntilAsync(events, e => e.Kind == ContainerEventKind.Exited);

        Assert.All(seen, e => Assert.Equal(("robot", robot), (e.Service, e.ContainerId)));
        // A check that runs while the container is exiting fails, so Docker may report unhealthy just before the exit.
        Assert.Equal([ContainerEventKind.Started, ContainerEventKind.Healthy], seen.Take(2).Select(e => e.Kind));
        Assert.All(seen.Skip(2).SkipLast(1), e => Assert.Equal(ContainerEventKind.Unhealthy, e.Kind));
        Assert.Equal(3, seen[^1].ExitCode);
        Assert.Equal(seen.Select(e => e.Time).Order(), seen.Select(e => e.Time));
    }

    [Fact]
    public async Task A_failing_healthcheck_reports_unhealthy()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var events = run.Runtime.WatchAsync(run.RunId, DockerTestRun.Token);
        var spec = run.Service("robot", sandbox, "sleep 30") with
        {
            Healthcheck = new HealthCheckSpec { Test = ["CMD", "false"], Interval = TimeSpan.FromMilliseconds(200), Retries = 1 },
        };
        await run.StartServiceAsync(spec);

        var seen = await TakeUntilAsync(events, e => e.Kind == ContainerEventKind.Unhealthy);

        Assert.Equal([ContainerEventKind.Started, ContainerEventKind.Unhealthy], seen.Select(e => e.Kind));
    }

    [Fact]
    public async Task Events_of_containers_started_before_enumeration_begins_are_not_lost_and_the_sandbox_is_left_out()
    {
        await using var run = await DockerTestRun.StartAsync();
        var events = run.Runtime.WatchAsync(run.RunId, DockerTestRun.Token);
        var sandbox = await run.SandboxAsync("quick");
        var quick = await run.StartServiceAsync(run.Service("quick", sandbox, "exit 7"));
        Assert.Equal(7, await DockerTestRun.ExitCodeAsync(quick));

        var seen = await TakeUntilAsync(events, e => e.Kind == ContainerEventKind.Exited);

        Assert.Equal([ContainerEventKind.Started, ContainerEventKind.Exited], seen.Select(e => e.Kind));
        Assert.Equal(7, seen[^1].ExitCode);
        Assert.DoesNotContain(seen, e => e.ContainerId == sandbox);
    }

    [Fact]
    public async Task A_restarted_container_reports_a_second_start_and_exit()
    {
        await using var run = await DockerTestRun.StartAsync();
        var sandbox = await run.SandboxAsync("robot");
        var events = run.Runtime.WatchAsync(run.RunId, DockerTestRun.Token);
        var robot = await run.StartServiceAsync(run.Service("robot", sandbox, "exit 1"));
        Assert.Equal(1, await DockerTestRun.ExitCodeAsync(robot));
        await run.Runtime.StartContainerAsync(robot, DockerTestRun.Token);

        var seen = await TakeUntilAsync(events, e => e.Kind == ContainerEventKind.Exited, count: 2);

        Assert.Equal([ContainerEventKind.Started, ContainerEventKind.Exited, ContainerEventKind.Started, ContainerEventKind.Exited], seen.Select(e => e.Kind));
    }

    [Fact]
    public async Task Cancelling_the_token_ends_the_stream_quietly()
    {
        await using var run = await DockerTestRun.StartAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(DockerTestRun.Token);
        var events = run.Runtime.WatchAsync(run.RunId, stop.Token);
        stop.CancelAfter(TimeSpan.FromMilliseconds(300));

        var seen = new List<ContainerEvent>();
        await foreach (var e in events)
        {
            seen.Add(e);
        }

        Assert.Empty(seen);
    }

    private static async Task<List<ContainerEvent>> TakeUntilAsync(IAsyncEnumerable<ContainerEvent> events, Func<ContainerEvent, bool> last, int count = 1)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(DockerTestRun.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(8));
        var seen = new List<ContainerEvent>();
        await foreach (var e in events.WithCancellation(timeout.Token))
        {
            seen.Add(e);
            if (last(e) && --count == 0)
            {
                return seen;
            }
        }

        Assert.Fail($"the event stream ended or timed out after {string.Join(", ", seen.Select(e => e.Kind))}");
        return seen;
    }
}
