namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Checks the Docker engine from outside the product: that it answers, and what a run left on it.</summary>
public static class DockerEngine
{
    public const string HowToGetDocker = TestEngine.HowToGetOne;

    public static Task RequireEngineAndImageAsync(CancellationToken cancellationToken) => TestEngine.RequireAsync(cancellationToken);

    public static Task<string> ObjectsOfRunAsync(string runId, CancellationToken cancellationToken) =>
        TestEngine.LabelledAsync("ai.resim.testing.run", runId, cancellationToken);

    public static Task<string> ObjectsOfServiceAsync(string service, CancellationToken cancellationToken) =>
        TestEngine.LabelledAsync("ai.resim.testing.service", service, cancellationToken);
}
