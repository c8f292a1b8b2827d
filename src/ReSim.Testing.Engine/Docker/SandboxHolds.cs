using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ReSim.Testing.Engine.Docker;

/// <summary>The attach streams by which this process keeps its runs' sandboxes alive: a sandbox lives exactly while its stream is open.</summary>
/// <remarks>
/// <para>The sandbox is created with an open standard input that closes when its one attached client goes
/// (<c>OpenStdin</c>, <c>StdinOnce</c>), and <see cref="PauseProgram"/> exits when its standard input closes. This process
/// attaches before the start and writes nothing. Whatever ends it, a clean exit, SIGKILL or a crash, the kernel closes the
/// socket, the engine closes the sandbox's standard input, the program exits, and the kernel kills every process of the
/// PID namespace the services share. So an orphaned run stops within a second of its owner's death, with no later run
/// and no helper image.</para>
/// <para><see cref="Release"/> is called only after the run's objects are removed (or their removal has failed), so a
/// normal teardown still stops services with SIGTERM and the grace period first.</para>
/// </remarks>
internal sealed class SandboxHolds : IDisposable
{
    private readonly ConcurrentDictionary<string, MultiplexedStream> streams = new(StringComparer.Ordinal);

    /// <summary>Attaches to the created, not yet started, sandbox's standard input and keeps the stream for <paramref name="runId"/>.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="runId">The run the sandbox belongs to.</param>
    /// <param name="sandboxId">The sandbox container.</param>
    /// <param name="cancellationToken">Cancels the attach.</param>
    /// <returns>A task that completes when the stream is open.</returns>
    internal async Task HoldAsync(DockerClient client, string runId, string sandboxId, CancellationToken cancellationToken)
    {
        var stream = await client.Containers.AttachContainerAsync(
            sandboxId, new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = false, Stderr = false }, cancellationToken).ConfigureAwait(false);
        if (streams.TryRemove(runId, out var earlier))
        {
            earlier.Dispose();
        }

        streams[runId] = stream;
    }

    /// <summary>Closes the stream of <paramref name="runId"/>, which ends its sandbox if it still runs; no stream is no error.</summary>
    /// <param name="runId">The run.</param>
    internal void Release(string runId)
    {
        if (streams.TryRemove(runId, out var stream))
        {
            stream.Dispose();
        }
    }

    /// <summary>Closes every stream still held: the sandboxes of runs not yet removed end, and their services with them.</summary>
    public void Dispose()
    {
        foreach (var runId in streams.Keys)
        {
            Release(runId);
        }
    }
}
