using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Names the engine a real-engine test ran on in its output, so a result on Docker is never taken for one on Podman.</summary>
public static class EngineReport
{
    public static string Describe(RuntimeInfo info) => $"engine: {info.Engine} {info.ServerVersion} (API {info.ApiVersion}) at {info.Endpoint}";

    public static void Write(RuntimeInfo info) => TestContext.Current.TestOutputHelper?.WriteLine(Describe(info));
}
