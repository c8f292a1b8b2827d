using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;
using End = ReSim.Testing.Engine.Docker.ContainerLogStream.End;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Where one start of a container's log begins: the engine's messages at or after a time, less the first few.</summary>
/// <param name="SinceNanoseconds">The engine time to ask from, or <see langword="null"/> for the whole log.</param>
/// <param name="Skip">How many of the messages stamped exactly <paramref name="SinceNanoseconds"/> belong to earlier starts.</param>
internal readonly record struct LogStart(long? SinceNanoseconds, int Skip);

/// <summary>
/// Reads one start of a container's log by plain reads, never following it, for an engine whose followed log loses
/// messages (<see cref="EngineCapabilities.FollowedLogsLoseMessages"/>: Podman 4.3 drops lines from a followed log under
/// load, and often the whole end of a long one, while a plain read of the same log has every line).
/// </summary>
/// <remarks>
/// While the container runs, its log is read again and again from the time of the newest message handed on: the engine
/// returns every message stamped at or after that time, in its order, and the ones already handed on (counted per
/// time, so a clock that gives whole seconds is exact too) are skipped. A read's last message is held back until a
/// later read shows it unchanged, since the engine may read a message its writer has not finished. Once the engine reports
/// the container stopped, one last read takes the rest. A broken read is simply read again from the same place. The
/// pause between reads grows with how long a read takes (at most <see cref="MaxPause"/>), so a long log costs the engine
/// a bounded share of its time.
/// </remarks>
internal static class PolledContainerLog
{
    /// <summary>The longest pause between two reads of a running container's log.</summary>
    internal static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(100);
    private const int MaxFailures = 5;

    /// <summary>Streams the lines of the start that begins at <paramref name="start"/>, to its end.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="start">Where the start's messages begin.</param>
    /// <param name="cancellationToken">Ends the stream early, quietly.</param>
    /// <returns>The lines in the engine's order, each stamped with the engine's time. A container gone before the first read gives no lines.</returns>
    /// <exception cref="ExperienceInfrastructureException">The log could not be read to its end; every line read before is delivered first.</exception>
    internal static async IAsyncEnumerable<LogLine> ReadAsync(
        DockerClient client, string containerId, LogStart start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = new Position(start);
        var assembler = new LogLineAssembler();
        var lines = new List<LogLine>();
        (LogMessage Message, long At)? heldBack = null;
        var failures = 0;
        while (true)
        {
            var state = await ContainerLogStream.StateAsync(client, containerId, cancellationToken).ConfigureAwait(false);
            if (state == ContainerLogStream.ContainerState.Gone)
            {
                if (position.Messages == 0 && failures == 0)
                {
                    yield break;
                }

                throw Incomplete(position, "the container was removed before its log could be read to the end");
            }

            var final = state == ContainerLogStream.ContainerState.Stopped;
            var began = Stopwatch.GetTimestamp();
            using var read = new Read(client, containerId, position);
            var end = await read.OpenAsync(cancellationToken).ConfigureAwait(false);
            while (end == End.None)
            {
                (end, var message) = await read.NextAsync(cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    continue;
                }

                if (read.Last is { } previous)
                {
                    position.HandOn(previous, assembler, lines);
                }

                read.Last = message;
                foreach (var line in lines)
                {
                    yield return line;
                }

                lines.Clear();
            }

            if (end == End.Cancelled)
            {
                yield break;
            }

            if (end == End.Complete && read.Last is { } last)
            {
                // The last message of a read of a running container may be one the engine read half-written: it is handed
                // on once the container has stopped, or once a later read shows it unchanged.
                if (final || (heldBack is { } held && held.At == position.Messages && last.SameAs(held.Message)))
                {
                    position.HandOn(last, assembler, lines);
                    heldBack = null;
                }
                else
                {
                    heldBack = (last, position.Messages);
                }
            }

            if (end == End.Complete && final)
            {
                break;
            }

            if (end is End.Broken or End.Gone && ++failures == MaxFailures)
            {
                throw Incomplete(position, $"the engine's log reads broke {failures} times ({read.Problem ?? "the container was not found"})");
            }

            foreach (var line in lines)
            {
                yield return line;
            }

            lines.Clear();
            var took = Stopwatch.GetElapsedTime(began);
            var pause = TimeSpan.FromTicks(Math.Clamp(took.Ticks * 2, MinPause.Ticks, MaxPause.Ticks));
            await Task.Delay(pause, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
        }

        assembler.Flush(lines);
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    /// <summary>Where the next start of a stopped container begins: just after the last message it has logged.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container, stopped.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The time of its last message and how many messages carry that time, or the whole log when it is empty.</returns>
    /// <remarks>Reads the log's last messages, more of them while all carry the same time (a clock in whole seconds).</remarks>
    internal static async Task<LogStart> EndAsync(DockerClient client, string containerId, CancellationToken cancellationToken)
    {
        for (var tail = 64; ; tail *= 4)
        {
            var messages = new List<LogMessage>();
            var parameters = new ContainerLogsParameters
            {
                ShowStdout = true, ShowStderr = true, Timestamps = true, Tail = tail.ToString(CultureInfo.InvariantCulture),
            };
            MultiplexedStream stream;
            try
            {
                stream = await client.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return new LogStart(null, 0);
            }

            using (var reader = new LogMessages(stream))
            {
                while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } message)
                {
                    messages.Add(message);
                }
            }

            if (messages.Count == 0)
            {
                return new LogStart(null, 0);
            }

            var newest = messages[^1].Nanoseconds;
            var atNewest = messages.Count - messages.FindLastIndex(m => m.Nanoseconds != newest) - 1;
            // The engine's tail counts lines, and a long line is several messages: fewer lines than asked is the whole log.
            if (atNewest < messages.Count || messages.Count(m => m.Content.Length > 0 && m.Content[^1] == (byte)'\n') < tail)
            {
                return new LogStart(newest, atNewest);
            }
        }
    }

    private static ExperienceInfrastructureException Incomplete(Position position, string why) =>
        new($"The log is incomplete: {why}; {position.Bytes} bytes of this start were read, whatever followed is lost.");

    /// <summary>How far the log was handed on: the newest message's time and how many handed on carry it.</summary>
    private sealed class Position(LogStart start)
    {
        public long? Since { get; private set; } = start.SinceNanoseconds;

        public int Skip { get; private set; } = start.Skip;

        public long Messages { get; private set; }

        public long Bytes { get; private set; }

        public void HandOn(LogMessage message, LogLineAssembler assembler, List<LogLine> lines)
        {
            if (Since is not { } since || message.Nanoseconds > since)
            {
                (Since, Skip) = (message.Nanoseconds, 1);
            }
            else if (message.Nanoseconds == since)
            {
                Skip++;
            }

            Messages++;
            Bytes += message.Content.Length;
            assembler.Add(message.Stream, DockerTime.ToDateTimeOffset(message.Nanoseconds), message.Content, lines);
        }
    }

    /// <summary>One plain read of the log from a position: the messages already handed on are skipped.</summary>
    private sealed class Read(DockerClient client, string containerId, Position position) : IDisposable
    {
        private readonly long? since = position.Since;
        private LogMessages? messages;
        private int toSkip = position.Skip;

        public LogMessage? Last { get; set; }

        public string? Problem { get; private set; }

        public async Task<End> OpenAsync(CancellationToken cancellationToken)
        {
            var parameters = new ContainerLogsParameters
            {
                ShowStdout = true,
                ShowStderr = true,
                Timestamps = true,
                Since = since is { } value ? DockerTime.Since(value) : null,
            };
            var (stream, end, problem) = await ContainerLogStream.OpenAsync(client, containerId, parameters, cancellationToken).ConfigureAwait(false);
            messages = stream is null ? null : new LogMessages(stream);
            Problem = problem;
            return end;
        }

        public async Task<(End End, LogMessage? Message)> NextAsync(CancellationToken cancellationToken)
        {
            var reader = messages!;
            try
            {
                while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } message)
                {
                    // The messages handed on come first among those stamped `since`; anything else ends the skipping.
                    if (toSkip > 0 && message.Nanoseconds == since)
                    {
                        toSkip--;
                        continue;
                    }

                    toSkip = 0;
                    return (End.None, message);
                }

                return (End.Complete, null);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                return (End.Cancelled, null);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or SocketException or DockerApiException or ObjectDisposedException)
            {
                Problem = EngineErrors.MessageOf(e);
                Last = null;
                return (End.Broken, null);
            }
        }

        public void Dispose() => messages?.Dispose();
    }
}
