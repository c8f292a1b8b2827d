namespace ReSim.Testing.Bench;

/// <summary>docker-compose (Debian's Compose v1): <c>up --abort-on-container-exit --exit-code-from</c>, then <c>down -v</c>.</summary>
internal sealed class ComposeCliRunner(string composeFile, string orchestrator) : IBenchRunner
{
    public string Name => "docker-compose up + down -v";

    public async Task RunOnceAsync(int iteration, CancellationToken cancellationToken)
    {
        var project = $"resimbench{Environment.ProcessId}c{iteration}";
        string[] common = ["-p", project, "-f", composeFile];
        try
        {
            await Shell.RunCheckedAsync("docker-compose", [.. common, "up", "--abort-on-container-exit", "--exit-code-from", orchestrator, "-t", "2"], cancellationToken);
        }
        finally
        {
            await Shell.RunCheckedAsync("docker-compose", [.. common, "down", "-v", "-t", "2"], cancellationToken);
        }
    }
}
