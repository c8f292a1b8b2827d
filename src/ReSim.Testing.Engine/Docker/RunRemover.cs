using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Removes the engine objects of a run, or of dead runs (R19).</summary>
internal static class RunRemover
{
    /// <summary>Force-removes every container labelled with <paramref name="runId"/> (services, then the sandbox), then its volumes.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="engine">What the engine answers for an object already gone.</param>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>How many objects were removed; objects already gone are not counted and are no error.</returns>
    internal static Task<int> RemoveRunAsync(
        DockerClient client, EngineCapabilities engine, string runId, CancellationToken cancellationToken) =>
        RemoveAsync(client, $"{RunLabels.Run}={runId}", e => engine.IsGone(e) || IsAlreadyGoing(e), cancellationToken);

    /// <summary>Removes the objects of every dead run on the engine: no running sandbox, and nothing created within <paramref name="grace"/> (<see cref="OrphanRule"/>).</summary>
    /// <param name="client">The engine.</param>
    /// <param name="engine">What the engine answers for an object already gone.</param>
    /// <param name="grace">How old every object of a run without a running sandbox must be.</param>
    /// <param name="cancellationToken">Cancels the clean-up.</param>
    /// <returns>How many objects were removed.</returns>
    /// <remarks>
    /// A live run is never touched, whichever process, PID namespace or machine owns it; objects without a run label are
    /// never touched. Runs starting together sweep the same orphans: an object another sweep is removing (or still holds,
    /// such as a volume of a container being removed) is left to it or to the next sweep, never an error.
    /// </remarks>
    internal static async Task<int> RemoveOrphansAsync(DockerClient client, EngineCapabilities engine, TimeSpan grace, CancellationToken cancellationToken)
    {
        var filter = LabelFilter($"{RunLabels.Marker}=true");
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken).ConfigureAwait(false);
        var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken).ConfigureAwait(false);
        var listed = containers.Select(c => (Run: RunOf(c.Labels), IsRunningSandbox: IsSandbox(c) && OrphanRule.Holds(c.State) && !KeptRuns.OwnerEnded(c.Labels), Created: new DateTimeOffset(c.Created.ToUniversalTime())))
            .Concat((volumes.Volumes ?? []).Select(v => (Run: RunOf(v.Labels), IsRunningSandbox: false, Created: VolumeCreated(v.CreatedAt))))
            .Where(o => o.Run is not null)
            .Select(o => (o.Run!, o.IsRunningSandbox, o.Created));
        var removed = 0;
        foreach (var runId in OrphanRule.DeadRuns(listed, DateTimeOffset.UtcNow, grace))
        {
            removed += await RemoveAsync(client, $"{RunLabels.Run}={runId}", e => engine.IsGone(e) || IsHeldByOthers(e), cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    private static string? RunOf(IDictionary<string, string>? labels) => labels?.TryGetValue(RunLabels.Run, out var run) == true ? run : null;

    // A creation time the engine does not give, or gives unreadably, counts as now: the run is left to a later sweep.
    private static DateTimeOffset VolumeCreated(string? createdAt) =>
        DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : DateTimeOffset.UtcNow;

    private static bool IsSandbox(ContainerListResponse c) => c.Labels?.TryGetValue(RunLabels.Role, out var role) == true && role == "sandbox";

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(string label) => new(StringComparer.Ordinal)
    {
        ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [label] = true },
    };

    private static async Task<int> RemoveAsync(
        DockerClient client,
        string label,
        Func<DockerApiException, bool> skip,
        CancellationToken cancellationToken)
    {
        var filter = LabelFilter(label);
        var containers = (await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken)
            .ConfigureAwait(false)).ToList();

        var removed = await CountAsync(containers.Where(c => !IsSandbox(c)).Select(c => RemoveContainerAsync(client, c.ID, skip, cancellationToken))).ConfigureAwait(false);
        removed += await CountAsync(containers.Where(IsSandbox).Select(c => RemoveContainerAsync(client, c.ID, skip, cancellationToken))).ConfigureAwait(false);

        var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken).ConfigureAwait(false);
        removed += await CountAsync((volumes.Volumes ?? []).Select(v => RemoveVolumeAsync(client, v.Name, skip, cancellationToken)))
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
        e.StatusCode == HttpStatusCode.Conflict && e.ResponseBody?.Contains("already in progress", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsHeldByOthers(DockerApiException e) => e.StatusCode == HttpStatusCode.Conflict;
}
