using System.Buffers;
using System.Text;
using Docker.DotNet;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Docker;

/// <summary>One message of a container log asked with timestamps: the engine's time, its stream, its content bytes.</summary>
/// <param name="Stream">The stream the container wrote it to.</param>
/// <param name="Nanoseconds">The engine's time of the message, to the precision the engine gives (Podman 4: whole seconds).</param>
/// <param name="Content">The bytes after the timestamp; a line break ends a line, a message without one is part of a longer line.</param>
internal sealed record LogMessage(OutputChannel Stream, long Nanoseconds, byte[] Content)
{
    /// <summary>Whether <paramref name="other"/> is the same message: same time, stream and bytes.</summary>
    /// <param name="other">The message to compare with.</param>
    /// <returns><see langword="true"/> when they are equal to the byte.</returns>
    public bool SameAs(LogMessage? other) =>
        other is not null && other.Stream == Stream && other.Nanoseconds == Nanoseconds && other.Content.AsSpan().SequenceEqual(Content);
}

/// <summary>Cuts a log stream asked with timestamps into whole messages, one per frame of the multiplexed stream.</summary>
/// <remarks>
/// Holds one frame at a time, so memory follows the engine's largest message (16 KiB on Docker, 8 KiB on Podman), not the
/// log. A frame cut off by the end of the stream is not a message and is not returned. Disposing closes the stream.
/// </remarks>
internal sealed class LogMessages(MultiplexedStream stream) : IDisposable
{
    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private readonly ArrayBufferWriter<byte> frame = new();

    /// <summary>Reads the next whole message.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message, or <see langword="null"/> at the end of the stream.</returns>
    /// <exception cref="IOException">The stream broke; the exceptions of <see cref="MultiplexedStream.ReadOutputAsync"/> pass through.</exception>
    public async Task<LogMessage?> NextAsync(CancellationToken cancellationToken)
    {
        frame.ResetWrittenCount();
        while (true)
        {
            var result = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (result.EOF)
            {
                return null;
            }

            frame.Write(buffer.AsSpan(0, result.Count));
            if (LogMessageReader.AtFrameEnd(stream))
            {
                var channel = result.Target == MultiplexedStream.TargetStream.StandardError ? OutputChannel.StdErr : OutputChannel.StdOut;
                return Parse(channel, frame.WrittenSpan);
            }
        }
    }

    /// <summary>Closes the stream and gives the read buffer back.</summary>
    public void Dispose()
    {
        stream.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static LogMessage Parse(OutputChannel channel, ReadOnlySpan<byte> bytes)
    {
        var space = bytes.IndexOf((byte)' ');
        var stamp = space < 0 ? null : DockerTime.ParseNanoseconds(Encoding.ASCII.GetString(bytes[..space]));
        return stamp is { } nanoseconds
            ? new LogMessage(channel, nanoseconds, bytes[(space + 1)..].ToArray())
            : new LogMessage(channel, 0, bytes.ToArray());
    }
}
