using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Scripted;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>The <see cref="LifecycleSuite"/> on the scripted runtime: every lifecycle rule, fast and without an engine.</summary>
public sealed class ScriptedLifecycleTests : LifecycleSuite
{
    private readonly ScriptedRuntime runtime = new();

    protected override IContainerRuntime Runtime => runtime;

    public override async ValueTask DisposeAsync()
    {
        await runtime.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override ServiceDefinition Play(ServiceDefinition service, params StartScript[] starts)
    {
        runtime.Script(service.Name, starts);
        return service;
    }

    protected override Task AssertNothingLeftAsync(ExperienceResult result)
    {
        Assert.Equal($"remove-run:{result.RunId}", runtime.Calls[^1]);
        return Task.CompletedTask;
    }
}
