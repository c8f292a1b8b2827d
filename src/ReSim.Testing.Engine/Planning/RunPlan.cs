using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Everything a run will create on the engine, resolved before anything is created.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Services">The active services (R8), in compose order.</param>
/// <param name="Sandbox">The sandbox holding the network namespace (R12).</param>
/// <param name="Volumes">The run's named volumes (R10).</param>
/// <param name="Containers">One container per active service, in compose order; <see cref="ContainerSpec.NetworkNamespaceOf"/> is the sandbox's name until it exists.</param>
/// <param name="Errors">Why the run cannot start (R5, R8, R13); empty when it can.</param>
internal sealed record RunPlan(
    string RunId,
    ImmutableArray<ServiceDefinition> Services,
    SandboxSpec Sandbox,
    ImmutableArray<VolumeSpec> Volumes,
    ImmutableArray<ContainerSpec> Containers,
    ImmutableArray<string> Errors)
{
    /// <summary>Whether the run can start.</summary>
    public bool IsValid => Errors.IsEmpty;

    /// <summary>The command that removes the run's containers (services, then the sandbox) and volumes, for a run whose containers were kept.</summary>
    /// <remarks>The services go first: Podman refuses to remove a container others still depend on, and the docker CLI
    /// removes the containers of one command at once.</remarks>
    public string RemoveCommand
    {
        get
        {
            var containers = $"docker rm -f {string.Join(' ', Containers.Select(c => c.Name))} && docker rm -f {Sandbox.Name}";
            return Volumes.IsEmpty ? containers : $"{containers} && docker volume rm {string.Join(' ', Volumes.Select(v => v.Name))}";
        }
    }
}
