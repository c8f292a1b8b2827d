namespace ReSim.Testing.Engine.Tests.Launch;

/// <summary>Compose files written to a temporary folder, removed on dispose with every results folder under it.</summary>
public sealed class LaunchFiles : IDisposable
{
    public const string Orchestrator = "labels: { resim.ai/isTestOrchestrator: \"true\" }";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "resim-launch-tests", Guid.NewGuid().ToString("N"));

    public string Write(string yaml, string name = "compose.yml")
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public string Results(string name = "results") => Path.Combine(Folder, name);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
