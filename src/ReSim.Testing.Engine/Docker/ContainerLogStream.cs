using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Reads one start of a container's log to its end, resuming after a broken stream, and says when it cannot.</summary>
/// <remarks>
/// The log is asked with the engine's timestamps and followed while the container runs. When the followed stream ends
/// and the container has stopped, the log's last messages are read once more without following, since a followed stream
/// may miss the very last message (<see cref="LogMessageReader.FinishTailCheck"/>). When a stream breaks, or a followed one stays silent for <see cref="StallBound"/> after
/// the container has exited, the same start is asked again (followed while it runs, read to the end once it has stopped); in every
/// case what was read already is skipped to the byte (<see cref="LogMessageReader"/>). At most
/// <see cref="MaxAttempts"/> broken streams are resumed. A stopped container keeps its whole log on the engine, so this always completes
/// unless the container is removed or the engine stops answering: then an <see cref="ExperienceInfrastructureException"/>
/// says so, after every line that was read.
/// </remarks>
internal static class ContainerLogStream
{
    /// <summary>How long a followed log of a container that has exited may deliver nothing before it is asked again.</summary>
    internal static readonly TimeSpan StallBound = TimeSpan.FromSeconds(20);

    private const int ChunkSize = 64 * 1024;
    private const int MaxAttempts = 5;

    /// <summary>Streams the container's lines logged at or after <paramref name="sinceNanoseconds"/>, to the end of the start.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="sinceNanoseconds">The engine time the start's lines begin at, or <see langword="null"/> for the whole log.</param>
    /// <param name="hasExited">Whether the engine has reported this start's exit; a silent stream is only suspect after it.</param>
    /// <param name="cancellationToken">Ends the stream early, quietly.</param>
    /// <returns>The lines in the engine's order, each stamped with the engine's time. A container gone before the first read gives no lines.</returns>
    /// <exception cref="ExperienceInfrastructureException">The log could not be read to its end; every line read before is delivered first.</exception>
    internal static async IAsyncEnumerable<LogLine> ReadAsync(
        DockerClient client, string containerId, long? sinceNanoseconds, Func<bool> hasExited, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new LogMessageReader();
        var lines = new List<LogLine>();
        var (since, phase, failures) = (sinceNanoseconds, Phase.Follow, 0);
        while (true)
        {
            using var read = new Attempt(client, containerId, since, phase, hasExited);
            if (phase == Phase.TailCheck)
            {
                reader.BeginTailCheck();
            }

            var end = await read.OpenAsync(cancellationToken).ConfigureAwait(false);
            while (end == End.None)
            {
                (end, var chunk) = await read.NextAsync(cancellationToken).ConfigureAwait(false);
                if (chunk is { } data)
                {
                    reader.Add(data.Channel, read.Buffer.AsSpan(0, data.Count), data.FrameEnds, lines);
                    foreach (var line in lines)
                    {
                        yield return line;
                    }

                    lines.Clear();
                }
            }

            if (end == End.Cancelled || (end == End.Gone && reader.Messages == 0 && phase == Phase.Follow && failures == 0))
            {
                yield break;
            }

            var state = end == End.Gone ? ContainerState.Gone : await StateAsync(client, containerId, cancellationToken).ConfigureAwait(false);
            if (state == ContainerState.Gone)
            {
                throw Incomplete(reader, "the container was removed before its log could be read to the end");
            }

            if (end == End.Complete && state == ContainerState.Stopped)
            {
                // A followed stream can end without the container's very last message (seen on Docker 20.10 with a last line
                // that has no line break): the log's last messages are read once more (cheap: the engine reads them from the
                // end of its file); only when they cannot be matched to what was read is the log read from a point in time.
                if (phase == Phase.Follow)
                {
                    (since, phase) = (sinceNanoseconds, Phase.TailCheck);
                    continue;
                }

                if (phase == Phase.TailCheck && !reader.FinishTailCheck(lines))
                {
                    (since, phase) = (reader.Resume(sinceNanoseconds), Phase.Scan);
                    continue;
                }

                break;
            }

            if (++failures == MaxAttempts)
            {
                throw Incomplete(reader, $"the engine's log stream broke {failures} times ({read.Problem ?? "it ended while the container still ran"})");
            }

            // A stream that broke, or ended while the container still runs, is resumed: followed while it runs, else read to its end.
            (since, phase) = phase == Phase.TailCheck && state == ContainerState.Stopped
                ? (sinceNanoseconds, Phase.TailCheck)
                : (reader.Resume(sinceNanoseconds), state == ContainerState.Running ? Phase.Follow : Phase.Scan);
            await Task.Delay(TimeSpan.FromMilliseconds(100 * failures), cancellationToken).ConfigureAwait(false);
        }

        reader.Flush(lines);
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    /// <summary>The engine time of the last line the container has logged so far, from any earlier start.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container, stopped.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The time in nanoseconds, or <see langword="null"/> when the log is empty.</returns>
    /// <remarks>
    /// Once the engine reports a container stopped, it has written all of its output, so every line of a later start
    /// is logged after this time.
    /// </remarks>
    internal static async Task<long?> LastLineTimeAsync(DockerClient client, string containerId, CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Timestamps = true, Tail = "1" };
        MultiplexedStream stream;
        try
        {
            stream = await client.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using (stream)
        {
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
            return new[] { stdout, stderr }
                .Select(text => text.Split(' ', 2)[0])
                .Select(DockerTime.ParseNanoseconds)
                .Max();
        }
    }

    private static ExperienceInfrastructureException Incomplete(LogMessageReader reader, string why) =>
        new($"The log is incomplete: {why}; {reader.Bytes} bytes of this start were read, whatever followed is lost.");

    /// <summary>Whether the container runs, has stopped (its whole output is in its log) or is gone.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>Its state; an engine that does not answer counts as running, so its log is asked again.</returns>
    internal static async Task<ContainerState> StateAsync(DockerClient client, string containerId, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await client.Containers.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            return inspected.State is { Running: true } or { Restarting: true } ? ContainerState.Running : ContainerState.Stopped;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return ContainerState.Gone;
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or SocketException)
        {
            // The engine did not answer: ask the log again, which tells the same.
            return ContainerState.Running;
        }
    }

    /// <summary>How a log request, or a read of it, ended.</summary>
    internal enum End
    {
        /// <summary>It has not: more may come.</summary>
        None,

        /// <summary>The engine ended the stream.</summary>
        Complete,

        /// <summary>The stream broke or stalled; it can be asked again.</summary>
        Broken,

        /// <summary>The container is gone.</summary>
        Gone,

        /// <summary>The caller cancelled it.</summary>
        Cancelled,
    }

    /// <summary>Asks the engine for a container's log.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="parameters">What to ask for.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stream with <see cref="End.None"/>, or why there is none (and, when it broke, the engine's reason).</returns>
    internal static async Task<(MultiplexedStream? Stream, End End, string? Problem)> OpenAsync(
        DockerClient client, string containerId, ContainerLogsParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken).ConfigureAwait(false), End.None, null);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, End.Gone, null);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            return (null, End.Cancelled, null);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or SocketException)
        {
            return (null, End.Broken, EngineErrors.MessageOf(e));
        }
    }

    private enum Phase
    {
        Follow,
        TailCheck,
        Scan,
    }

    /// <summary>What a log reader needs to know of a container.</summary>
    internal enum ContainerState
    {
        /// <summary>Running or restarting: more output may come.</summary>
        Running,

        /// <summary>Stopped: its log is complete on the engine.</summary>
        Stopped,

        /// <summary>Removed.</summary>
        Gone,
    }

    private readonly record struct Chunk(OutputChannel Channel, int Count, bool FrameEnds);

    /// <summary>One request for the log: opened, read chunk by chunk into its own buffer, ended with a reason.</summary>
    /// <remarks>
    /// A read given up on (a stall) may still complete into the buffer later, so the buffer goes back to the pool only when
    /// no read is left running; otherwise it is left to the garbage collector and the next attempt has a fresh one.
    /// </remarks>
    private sealed class Attempt(DockerClient client, string containerId, long? since, Phase phase, Func<bool> hasExited) : IDisposable
    {
        private MultiplexedStream? stream;
        private Task? abandoned;

        public byte[] Buffer { get; } = ArrayPool<byte>.Shared.Rent(ChunkSize);

        public string? Problem { get; private set; }

        public async Task<End> OpenAsync(CancellationToken cancellationToken)
        {
            var parameters = new ContainerLogsParameters
            {
                ShowStdout = true,
                ShowStderr = true,
                Follow = phase == Phase.Follow,
                Timestamps = true,
                Tail = phase == Phase.TailCheck ? LogMessageReader.TailCheckLength.ToString(CultureInfo.InvariantCulture) : null,
                Since = since is { } value ? DockerTime.Since(value) : null,
            };
            (stream, var end, var problem) = await ContainerLogStream.OpenAsync(client, containerId, parameters, cancellationToken).ConfigureAwait(false);
            Problem = problem;
            return end;
        }

        public async Task<(End End, Chunk? Chunk)> NextAsync(CancellationToken cancellationToken)
        {
            var open = stream!;
            Task<MultiplexedStream.ReadResult>? reading = null;
            try
            {
                reading = open.ReadOutputAsync(Buffer, 0, Buffer.Length, cancellationToken);
                // A read that is not followed is finite, but the engine may scan the whole log file before its first byte.
                var result = phase == Phase.Follow && !reading.IsCompleted && hasExited()
                    ? await reading.WaitAsync(StallBound, cancellationToken).ConfigureAwait(false)
                    : await reading.ConfigureAwait(false);
                if (result.EOF)
                {
                    return (End.Complete, null);
                }

                var channel = result.Target == MultiplexedStream.TargetStream.StandardError ? OutputChannel.StdErr : OutputChannel.StdOut;
                return (End.None, new Chunk(channel, result.Count, LogMessageReader.AtFrameEnd(open)));
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                abandoned = reading is { IsCompleted: false } ? reading : null;
                return (End.Cancelled, null);
            }
            catch (TimeoutException)
            {
                abandoned = reading;
                Problem = $"no byte for {StallBound.TotalSeconds:0} s after the container exited";
                return (End.Broken, null);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or SocketException or DockerApiException or ObjectDisposedException)
            {
                Problem = EngineErrors.MessageOf(e);
                return (End.Broken, null);
            }
        }

        public void Dispose()
        {
            stream?.Dispose();
            if (abandoned is null)
            {
                ArrayPool<byte>.Shared.Return(Buffer);
            }
        }
    }
}
