using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Running;
using ReSim.Testing.Engine.Tests.Scripted;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>The <see cref="LifecycleSuite"/> on the real Docker engine with the local busybox image.</summary>
[RequiresEngine]
public sealed class DockerLifecycleTests : LifecycleSuite
{
    private readonly DockerRuntime runtime = new();

    protected override IContainerRuntime Runtime => runtime;

    protected override double TimeScale => 4;

    public override async ValueTask DisposeAsync()
    {
        await runtime.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override ServiceDefinition Play(ServiceDefinition service, params StartScript[] starts) => service with
    {
        Image = TestImages.Busybox,
        Command = ["sh", "-c", ShellScript.For(starts)],
        Healthcheck = starts.Any(s => s.Steps.Any(step => step is ScriptStep.Health)) ? ShellScript.Healthcheck : null,
    };

    protected override async Task AssertNothingLeftAsync(ExperienceResult result)
    {
        var (_, containers, _) = await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=ai.resim.testing.run={result.RunId}");
        var (_, volumes, _) = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label=ai.resim.testing.run={result.RunId}");
        Assert.Equal(string.Empty, (containers + volumes).Trim());
    }
}
