namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>The local images build/build-test-images.sh makes; no registry is needed.</summary>
public static class TestImages
{
    public const string Busybox = TestEngine.Image;
}
