using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>One subscription to the engine's event stream for one run, opened at once and read as an async stream.</summary>
/// <remarks>
/// The engine may register a subscriber a moment after it answers the request, so an event in between could be missed. The
/// request therefore asks for events since <see cref="ReplayMargin"/> before the subscription was opened: the engine replays
/// those from its in-memory buffer and then streams live ones, with no gap. The filter on the run's label means a replay
/// can only bring events of this run; containers the caller started shortly before subscribing are reported too.
/// </remarks>
internal sealed class EventSubscription : IProgress<Message>
{
    /// <summary>How far back the subscription reaches; covers the gap above and small clock differences with the engine.</summary>
    internal static readonly TimeSpan ReplayMargin = TimeSpan.FromSeconds(2);

    // Between an early end and the next subscription, so an engine that keeps ending streams is not asked in a tight loop.
    private static readonly TimeSpan ResumePause = TimeSpan.FromMilliseconds(50);

    private readonly Channel<Message> events = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DockerClient client;
    private readonly EngineCapabilities engine;
    private readonly Action<string, long> exited;
    private readonly Dictionary<string, string?> healthOf = new(StringComparer.Ordinal);
    private readonly HashSet<(string? Id, string? Action, long Time)> seen = [];
    private long lastTime;

    private EventSubscription(DockerClient client, EngineCapabilities engine, Action<string, long> exited)
    {
        this.client = client;
        this.engine = engine;
        this.exited = exited;
    }

    /// <summary>Opens the subscription now and returns its events.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="engine">What the engine does differently.</param>
    /// <param name="runId">The run whose containers to watch.</param>
    /// <param name="exited">Told of every container exit (ID, engine time in ns) before the event is handed out.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The events of the run's service containers.</returns>
    internal static IAsyncEnumerable<ContainerEvent> Open(
        DockerClient client, EngineCapabilities engine, string runId, Action<string, long> exited, CancellationToken cancellationToken)
    {
        var subscription = new EventSubscription(client, engine, exited);
        var since = (DateTimeOffset.UtcNow - ReplayMargin).ToUnixTimeMilliseconds() * 1_000_000;
        var parameters = new ContainerEventsParameters
        {
            Since = DockerTime.Since(since),
            Filters = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
            {
                ["type"] = new Dictionary<string, bool>(StringComparer.Ordinal) { ["container"] = true },
                ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [$"{RunLabels.Run}={runId}"] = true },
                ["event"] = engine.EventFilterActions.ToDictionary(action => action, _ => true, StringComparer.Ordinal),
            },
        };
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = subscription.PumpAsync(parameters, stop.Token);
        return subscription.ReadAsync(pump, stop, cancellationToken);
    }

    /// <inheritdoc />
    public void Report(Message value)
    {
        // A resumed stream replays from the last event's time: what was already handed out is not repeated.
        var time = DockerEventMapper.NanosecondsOf(value);
        if (!seen.Add((value.Actor?.ID, value.Action, time)))
        {
            return;
        }

        lastTime = Math.Max(lastTime, time);
        if (value.Action == "die" && value.Actor is not null)
        {
            exited(value.Actor.ID, DockerEventMapper.NanosecondsOf(value));
        }

        events.Writer.TryWrite(value);
    }

    private static async Task<bool> WaitAsync(ChannelReader<Message> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task PumpAsync(ContainerEventsParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            await client.System.MonitorEventsAsync(parameters, this, cancellationToken).ConfigureAwait(false);
            while (engine.EndsEventStreamsEarly && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(ResumePause, cancellationToken).ConfigureAwait(false);
                parameters.Since = lastTime > 0 ? DockerTime.Since(lastTime) : parameters.Since;
                await client.System.MonitorEventsAsync(parameters, this, cancellationToken).ConfigureAwait(false);
            }

            events.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            events.Writer.TryComplete();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever broke the stream, the reader must learn of it rather than wait forever.
            events.Writer.TryComplete(new ExperienceInfrastructureException($"The Docker engine's event stream broke: {e.Message}", e));
        }
    }

    // Podman 4 reports every check as a bare `health_status` action with the status in a field the client's model lacks;
    // the container's inspected health is that status (read at once, in the stream's order), and only a change is kept,
    // as Docker reports it. Null drops the event.
    private async Task<Message?> WithHealthStatusAsync(Message message, CancellationToken cancellationToken)
    {
        if (engine.HealthStatusInEventAction || message.Action != DockerEventMapper.HealthStatusAction || message.Actor?.ID is not { } id)
        {
            return message;
        }

        try
        {
            var container = await client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            var status = container.State?.Health?.Status;
            if (healthOf.TryGetValue(id, out var known) && known == status)
            {
                return null;
            }

            healthOf[id] = status;
            message.Action = $"{DockerEventMapper.HealthStatusAction}: {status}";
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Gone already: its exit is what matters, and it follows in the stream.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stream is ending; the next wait says so.
        }

        return message;
    }

    private async IAsyncEnumerable<ContainerEvent> ReadAsync(Task pump, CancellationTokenSource stop, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await WaitAsync(events.Reader, cancellationToken).ConfigureAwait(false))
            {
                while (events.Reader.TryRead(out var message))
                {
                    if (await WithHealthStatusAsync(message, cancellationToken).ConfigureAwait(false) is { } complete
                        && DockerEventMapper.Map(complete) is { } containerEvent)
                    {
                        yield return containerEvent;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
            stop.Dispose();
        }
    }
}
