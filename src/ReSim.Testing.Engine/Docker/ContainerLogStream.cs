using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Follows one container's log from a point in time until the container stops.</summary>
internal static class ContainerLogStream
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Streams the container's lines logged at or after <paramref name="sinceNanoseconds"/>.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="sinceNanoseconds">The engine time the lines start at, or <see langword="null"/> for the whole log.</param>
    /// <param name="cancellationToken">Ends the stream early, quietly.</param>
    /// <returns>
    /// The lines in order, each stamped with the time this process read it. The engine ends the stream when the container
    /// stops (or at once, after the whole log, if it has already stopped). A container that is gone gives no lines.
    /// </returns>
    internal static async IAsyncEnumerable<LogLine> ReadAsync(
        DockerClient client, string containerId, long? sinceNanoseconds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = true,
            Since = sinceNanoseconds is { } since ? DockerTime.Since(since) : null,
        };
        using var stream = await OpenAsync(client, containerId, parameters, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            yield break;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var assembler = new LogLineAssembler();
        var lines = new List<(OutputChannel Stream, string Text)>();
        try
        {
            while (await ReadChunkAsync(stream, buffer, cancellationToken).ConfigureAwait(false) is { EOF: false } chunk)
            {
                var channel = chunk.Target == MultiplexedStream.TargetStream.StandardError ? OutputChannel.StdErr : OutputChannel.StdOut;
                assembler.Add(channel, buffer.AsSpan(0, chunk.Count), lines);
                foreach (var line in Drain(lines))
                {
                    yield return line;
                }
            }

            assembler.Flush(lines);
            foreach (var line in Drain(lines))
            {
                yield return line;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
        using var stream = await OpenAsync(client, containerId, parameters, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
        return new[] { stdout, stderr }
            .Select(text => text.Split(' ', 2)[0])
            .Select(DockerTime.ParseNanoseconds)
            .Max();
    }

    private static List<LogLine> Drain(List<(OutputChannel Stream, string Text)> lines)
    {
        var now = DateTimeOffset.UtcNow;
        var drained = lines.ConvertAll(line => new LogLine(line.Stream, line.Text, now));
        lines.Clear();
        return drained;
    }

    private static async Task<MultiplexedStream?> OpenAsync(
        DockerClient client, string containerId, ContainerLogsParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<MultiplexedStream.ReadResult?> ReadChunkAsync(MultiplexedStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            return null;
        }
    }
}
