using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Checks a service's bind-mount sources for engines that would make a missing one (<see cref="EngineCapabilities.CreatesMissingBindSources"/>).</summary>
internal static class BindSources
{
    /// <summary>Fails as Docker would when a bind-mount source of <paramref name="spec"/> does not exist.</summary>
    /// <param name="spec">The service's container.</param>
    /// <param name="engine">What the engine does with a missing source.</param>
    /// <param name="endpoint">The engine's endpoint: only a local socket's engine sees this machine's folders.</param>
    /// <exception cref="ExperienceInfrastructureException">A source is missing.</exception>
    internal static void RequireExisting(ContainerSpec spec, EngineCapabilities engine, string? endpoint)
    {
        if (!engine.CreatesMissingBindSources || endpoint?.StartsWith("unix://", StringComparison.Ordinal) != true)
        {
            return;
        }

        var missing = spec.Mounts.FirstOrDefault(mount => mount.Kind == MountKind.Bind && !Path.Exists(mount.Source));
        if (missing is not null)
        {
            throw new ExperienceInfrastructureException(
                $"The {engine.Name} engine could not create the container of service '{spec.Service}': the bind mount source path " +
                $"'{missing.Source}' does not exist ({engine.Name} would create it empty). Create it, or correct the path in the compose file.");
        }
    }
}
