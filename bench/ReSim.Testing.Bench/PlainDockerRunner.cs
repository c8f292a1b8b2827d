namespace ReSim.Testing.Bench;

/// <summary>The floor: the fewest plain <c>docker</c> CLI calls that run the experience and remove it.</summary>
/// <remarks>A network, the idle services detached, the orchestrator attached until it exits, then forced removal.</remarks>
internal sealed class PlainDockerRunner(string image, IReadOnlyList<string[]> idleCommands, string[] orchestratorCommand) : IBenchRunner
{
    public string Name => "plain docker CLI (floor)";

    public async Task RunOnceAsync(int iteration, CancellationToken cancellationToken)
    {
        var prefix = $"resimbench{Environment.ProcessId}p{iteration}";
        var network = prefix + "-net";
        var idle = idleCommands.Select((_, i) => $"{prefix}-idle{i}").ToList();
        await Shell.RunCheckedAsync("docker", ["network", "create", "--label", "ai.resim.testing=true", network], cancellationToken);
        try
        {
            await Task.WhenAll(idleCommands.Select((command, i) => Shell.RunCheckedAsync(
                "docker", ["run", "-d", "--label", "ai.resim.testing=true", "--name", idle[i], "--network", network, image, .. command], cancellationToken)));
            await Shell.RunCheckedAsync("docker", ["run", "--rm", "--label", "ai.resim.testing=true", "--network", network, image, .. orchestratorCommand], cancellationToken);
        }
        finally
        {
            await Shell.RunCheckedAsync("docker", ["rm", "-f", .. idle], cancellationToken);
            await Shell.RunCheckedAsync("docker", ["network", "rm", network], cancellationToken);
        }
    }
}
