using System.Threading.Channels;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>Merges the engine's container events and the timeout (R18) into one ordered stream of <see cref="LifecycleEvent"/>s.</summary>
/// <remarks>
/// The engine's stream is subscribed to (its first read begun) before any container starts, so no start or quick exit is
/// missed; nothing is polled. Events of containers that are not the run's services (the sandbox) are dropped.
/// </remarks>
internal sealed class EventFeed : IAsyncDisposable
{
    private readonly Channel<LifecycleEvent> channel = Channel.CreateUnbounded<LifecycleEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly IReadOnlyDictionary<string, string> serviceByContainer;
    private readonly TimeProvider time;
    private Task watch = Task.CompletedTask;
    private Task timeout = Task.CompletedTask;

    public EventFeed(IReadOnlyDictionary<string, string> serviceByContainer, TimeProvider time)
    {
        this.serviceByContainer = serviceByContainer;
        this.time = time;
        Origin = time.GetUtcNow();
    }

    /// <summary>The moment the experience started: event times are measured from it.</summary>
    public DateTimeOffset Origin { get; }

    public TimeSpan Elapsed => Since(time.GetUtcNow());

    public void Subscribe(IContainerRuntime runtime, string runId)
    {
        var enumerator = runtime.WatchAsync(runId, stop.Token).GetAsyncEnumerator(stop.Token);
        watch = PumpAsync(enumerator, enumerator.MoveNextAsync());
    }

    // Task.Delay takes at most about 49 days; a longer timeout is as good as none.
    public void StartTimeout(TimeSpan after) => timeout = after < TimeSpan.Zero || after.TotalDays > 49 ? Task.CompletedTask : TimeoutAsync(after);

    public IAsyncEnumerable<LifecycleEvent> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Ends the stream with <paramref name="error"/> after the events already in it, so the reader stops waiting.</summary>
    public void Fail(Exception error) => channel.Writer.TryComplete(error);

    public TimeSpan Since(DateTimeOffset moment) => moment > Origin ? moment - Origin : TimeSpan.Zero;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(watch, timeout).ConfigureAwait(false);
        stop.Dispose();
    }

    private async Task PumpAsync(IAsyncEnumerator<ContainerEvent> events, ValueTask<bool> first)
    {
        try
        {
            for (var more = await first.ConfigureAwait(false); more; more = await events.MoveNextAsync().ConfigureAwait(false))
            {
                if (Convert(events.Current) is { } lifecycleEvent)
                {
                    channel.Writer.TryWrite(lifecycleEvent);
                }
            }

            channel.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            channel.Writer.TryComplete();
        }
        catch (ExperienceInfrastructureException exception)
        {
            channel.Writer.TryComplete(exception);
        }
        catch (Exception exception)
        {
            // Whatever broke the stream, the run must not wait for events that will never come.
            channel.Writer.TryComplete(new ExperienceInfrastructureException($"Lost the engine's event stream: {exception.Message}", exception));
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task TimeoutAsync(TimeSpan after)
    {
        try
        {
            // Timers and the wall clock the event times use differ: a timer may fire a little early, so wait out the rest.
            for (var remaining = after; remaining > TimeSpan.Zero; remaining = after - Elapsed)
            {
                await Task.Delay(remaining, time, stop.Token).ConfigureAwait(false);
            }

            channel.Writer.TryWrite(LifecycleEvent.TimeoutElapsed(Elapsed));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended before its timeout.
        }
    }

    private LifecycleEvent? Convert(ContainerEvent engineEvent)
    {
        // The container ID identifies the start; the service name is the fallback for a runtime that reports short IDs.
        if (!serviceByContainer.TryGetValue(engineEvent.ContainerId, out var service)
            && (service = serviceByContainer.Values.FirstOrDefault(s => s == engineEvent.Service)) is null)
        {
            return null;
        }

        var at = Since(engineEvent.Time);
        return engineEvent.Kind switch
        {
            ContainerEventKind.Started => LifecycleEvent.Started(service, at),
            ContainerEventKind.Exited => LifecycleEvent.Exited(service, engineEvent.ExitCode ?? -1, at),
            ContainerEventKind.Healthy => LifecycleEvent.Healthy(service, at),
            ContainerEventKind.Unhealthy => LifecycleEvent.Unhealthy(service, at),
            _ => null,
        };
    }
}
