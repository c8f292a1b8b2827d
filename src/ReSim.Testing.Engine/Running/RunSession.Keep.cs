namespace ReSim.Testing.Engine.Running;

/// <summary>Keeping a run's containers after the verdict instead of tearing them down (<see cref="Experience.KeepContainers"/>).</summary>
internal sealed partial class RunSession
{
    /// <summary>Whether the experience asked to keep its containers after the verdict.</summary>
    public bool KeepsContainers => experience.KeepContainers;

    /// <summary>The command that removes what <see cref="KeepAsync"/> left: the containers (services and sandbox), then the volumes.</summary>
    public string RemoveCommand
    {
        get
        {
            // The services first, then the sandbox they join: Podman refuses to remove a container others still depend on,
            // and the docker CLI removes the containers of one command at once.
            var services = string.Join(' ', plan.Containers.Select(c => c.Name));
            var containers = $"docker rm -f {services} && docker rm -f {plan.Sandbox.Name}";
            return plan.Volumes.IsEmpty ? containers : $"{containers} && docker volume rm {string.Join(' ', plan.Volumes.Select(v => v.Name))}";
        }
    }

    /// <summary>Ends the run but leaves its containers running: stops watching, sampling and following logs, and records a <c>kept</c> entry per container and one with <see cref="RemoveCommand"/>.</summary>
    /// <returns>A task that completes when nothing of this process watches the run any more.</returns>
    /// <remarks>Restarts already decided are cancelled or waited for; a service that exits from now on is not restarted.</remarks>
    public async Task KeepAsync()
    {
        await metrics.StopAsync().ConfigureAwait(false);
        await tearingDown.CancelAsync().ConfigureAwait(false);
        Task[] inFlight;
        lock (gate)
        {
            inFlight = [.. restartTasks];
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        await logStreams.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(logPumps.Values).ConfigureAwait(false);
        if (feed is not null)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
            feed = null;
        }

        foreach (var container in plan.Containers)
        {
            Record(container.Service, "kept", container.Name);
        }

        Record(null, "kept", $"remove with: {RemoveCommand}");
    }
}
