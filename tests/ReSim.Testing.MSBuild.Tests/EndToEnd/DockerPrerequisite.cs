namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>Fails a test loudly, with what to do, when the Docker engine or the local test image is missing.</summary>
internal static class DockerPrerequisite
{
    public const string Image = TestEngine.Image;

    public static Task RequireAsync() => TestEngine.RequireAsync(TestContext.Current.CancellationToken);
}
