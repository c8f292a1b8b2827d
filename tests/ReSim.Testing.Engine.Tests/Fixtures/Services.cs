using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Engine.Tests.Fixtures;

/// <summary>Builds compose services directly, without the loader, for fast tests.</summary>
public static class Services
{
    public static ServiceDefinition Service(string name, RestartPolicy? restart = null, params ServiceDependency[] dependsOn) => new()
    {
        Name = name,
        Image = TestEngine.Image,
        Restart = restart ?? RestartPolicy.No,
        DependsOn = [.. dependsOn],
        Location = new SourceLocation("compose.yml", 1, 1),
    };

    public static ServiceDefinition Orchestrator(string name, RestartPolicy? restart = null, params ServiceDependency[] dependsOn) =>
        Service(name, restart, dependsOn) with
        {
            Labels = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add(ServiceDefinition.OrchestratorLabel, "true"),
        };

    public static ServiceDependency On(string service, DependencyCondition condition = DependencyCondition.ServiceStarted) => new(service, condition);

    public static ComposeModel ComposeOf(params ServiceDefinition[] services) => new()
    {
        WorkingDirectory = Path.GetTempPath(),
        Services = [.. services],
    };
}
