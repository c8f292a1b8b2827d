using System.Reflection;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.TestKit;

/// <summary>
/// A container runtime whose every call fails as a Docker engine that is down does, with an
/// <see cref="ExperienceInfrastructureException"/>: it plays an engine that is down, and its <see cref="Calls"/> prove
/// that a path never contacted one.
/// </summary>
public class UnreachableRuntime : DispatchProxy
{
    /// <summary>What every call throws unless <see cref="Create"/> is given another message.</summary>
    public const string Message = "No Docker engine answers at unix:///nowhere.sock; start Docker and run again.";

    private string message = Message;

    /// <summary>How many calls the runtime got (each one failed).</summary>
    public int Calls { get; private set; }

    /// <summary>A runtime that fails every call with <paramref name="message"/>.</summary>
    /// <param name="message">The exception's message, such as what the real runtime says for its endpoint.</param>
    /// <returns>The runtime to hand to the code under test, and the probe that counts its calls.</returns>
    public static (IContainerRuntime Runtime, UnreachableRuntime Probe) Create(string message = Message)
    {
        var runtime = Create<IContainerRuntime, UnreachableRuntime>();
        var probe = (UnreachableRuntime)(object)runtime;
        probe.message = message;
        return (runtime, probe);
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Calls++;
        throw new ExperienceInfrastructureException(message);
    }
}
