using System.Reflection;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Launch;

/// <summary>A container runtime that fails every call: proves a path never contacts Docker, or plays an engine that is down.</summary>
public class UnreachableRuntime : DispatchProxy
{
    public const string Message = "No Docker engine answers at unix:///nowhere.sock; start Docker and run again.";

    public int Calls { get; private set; }

    public static (IContainerRuntime Runtime, UnreachableRuntime Probe) Create()
    {
        var runtime = Create<IContainerRuntime, UnreachableRuntime>();
        return (runtime, (UnreachableRuntime)(object)runtime);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Calls++;
        throw new ExperienceInfrastructureException(Message);
    }
}
