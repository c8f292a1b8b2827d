using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>The engine's container events of one run as <see cref="RunInput"/>s, timed from the experience's start.</summary>
/// <remarks>
/// The engine's stream is subscribed to (its first read begun) before any container starts, so no start or quick exit is
/// missed; nothing is polled. Events of containers that are not the run's services (the sandbox) are dropped. When the
/// stream ends or breaks, <see cref="RunInput.EngineLost"/> says so: the run must not wait for events that will never come.
/// </remarks>
internal sealed class EventFeed(IReadOnlyDictionary<string, string> serviceByContainer, DateTimeOffset origin, Action<RunInput> post) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task watch = Task.CompletedTask;

    public void Subscribe(IContainerRuntime runtime, string runId)
    {
        var enumerator = runtime.WatchAsync(runId, stop.Token).GetAsyncEnumerator(stop.Token);
        watch = PumpAsync(enumerator, enumerator.MoveNextAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(IAsyncEnumerator<ContainerEvent> events, ValueTask<bool> first)
    {
        try
        {
            for (var more = await first.ConfigureAwait(false); more; more = await events.MoveNextAsync().ConfigureAwait(false))
            {
                if (Convert(events.Current) is { } lifecycleEvent)
                {
                    post(new RunInput.Engine(lifecycleEvent));
                }
            }

            post(new RunInput.EngineLost("The engine's event stream ended before the experience had a verdict. Is the engine still running?"));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run no longer watches.
        }
        catch (ExperienceInfrastructureException exception)
        {
            post(new RunInput.EngineLost(exception.Message));
        }
        catch (Exception exception)
        {
            post(new RunInput.EngineLost($"Lost the engine's event stream: {exception.Message}"));
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
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

        var at = RunState.Since(origin, engineEvent.Time);
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
