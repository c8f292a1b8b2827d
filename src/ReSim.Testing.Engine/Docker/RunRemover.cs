using System.Diagnostics;
using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Removes the engine objects of a run, or of runs whose owner process is gone (R19).</summary>
internal static class RunRemover
{
    /// <summary>Force-removes every container labelled with <paramref name="runId"/> (services, then the sandbox), then its volumes.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="runId">The run.</param>
    /// <param name="removing">Told the ID of each container about to be removed.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>How many objects were removed; objects already gone are not counted and are no error.</returns>
    internal static Task<int> RemoveRunAsync(DockerClient client, string runId, Action<string> removing, CancellationToken cancellationToken) =>
        RemoveAsync(client, $"{RunLabels.Run}={runId}", _ => true, removing, IsAlreadyGoing, cancellationToken);

    /// <summary>Removes objects made by ReSim.Testing on this host whose owner process is no longer alive.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="cancellationToken">Cancels the clean-up.</param>
    /// <returns>How many objects were removed.</returns>
    /// <remarks>
    /// Objects of other hosts, of live processes, or without owner labels are never touched. Runs starting together sweep
    /// the same orphans: an object another sweep is removing (or still holds, such as a volume of a container being removed)
    /// is left to it or to the next sweep, never an error.
    /// </remarks>
    internal static Task<int> RemoveOrphansAsync(DockerClient client, CancellationToken cancellationToken) =>
        RemoveAsync(client, $"{RunLabels.Marker}=true", IsOrphan, _ => { }, IsHeldByOthers, cancellationToken);

    /// <summary>Whether an object with <paramref name="labels"/> belongs to a dead process on this host.</summary>
    /// <param name="labels">The object's labels.</param>
    /// <returns><see langword="true"/> for an orphan.</returns>
    internal static bool IsOrphan(IDictionary<string, string>? labels) =>
        labels is not null
        && labels.TryGetValue(RunLabels.OwnerHost, out var host) && string.Equals(host, Environment.MachineName, StringComparison.Ordinal)
        && labels.TryGetValue(RunLabels.OwnerProcess, out var pidText)
        && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && !IsAlive(pid);

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<int> RemoveAsync(
        DockerClient client,
        string label,
        Func<IDictionary<string, string>?, bool> select,
        Action<string> removing,
        Func<DockerApiException, bool> skip,
        CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
        {
            ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [label] = true },
        };
        var containers = (await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken)
            .ConfigureAwait(false)).Where(c => select(c.Labels)).ToList();
        containers.ForEach(c => removing(c.ID));
        bool IsSandbox(ContainerListResponse c) => c.Labels?.TryGetValue(RunLabels.Role, out var role) == true && role == "sandbox";

        var removed = await CountAsync(containers.Where(c => !IsSandbox(c)).Select(c => RemoveContainerAsync(client, c.ID, skip, cancellationToken))).ConfigureAwait(false);
        removed += await CountAsync(containers.Where(IsSandbox).Select(c => RemoveContainerAsync(client, c.ID, skip, cancellationToken))).ConfigureAwait(false);

        var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken).ConfigureAwait(false);
        removed += await CountAsync((volumes.Volumes ?? []).Where(v => select(v.Labels)).Select(v => RemoveVolumeAsync(client, v.Name, skip, cancellationToken)))
            .ConfigureAwait(false);
        return removed;
    }

    private static async Task<int> CountAsync(IEnumerable<Task<bool>> removals) => (await Task.WhenAll(removals).ConfigureAwait(false)).Count(done => done);

    private static async Task<bool> RemoveContainerAsync(DockerClient client, string id, Func<DockerApiException, bool> skip, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (skip(e))
        {
            return false;
        }
    }

    private static async Task<bool> RemoveVolumeAsync(DockerClient client, string name, Func<DockerApiException, bool> skip, CancellationToken cancellationToken)
    {
        try
        {
            await client.Volumes.RemoveAsync(name, force: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (skip(e))
        {
            return false;
        }
    }

    // A concurrent clean-up may have removed the object, or be removing it ("removal ... is already in progress", 409).
    private static bool IsAlreadyGoing(DockerApiException e) =>
        e.StatusCode == HttpStatusCode.NotFound
        || (e.StatusCode == HttpStatusCode.Conflict && e.ResponseBody?.Contains("already in progress", StringComparison.OrdinalIgnoreCase) == true);

    private static bool IsHeldByOthers(DockerApiException e) => e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict;
}
