using System.Reflection;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>A container runtime whose every call fails as a Docker engine that is down does.</summary>
public class UnreachableRuntime : DispatchProxy
{
    private string message = "No Docker engine answers.";

    public static IContainerRuntime Create(string message)
    {
        var runtime = Create<IContainerRuntime, UnreachableRuntime>();
        ((UnreachableRuntime)(object)runtime).message = message;
        return runtime;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new ExperienceInfrastructureException(message);
}
