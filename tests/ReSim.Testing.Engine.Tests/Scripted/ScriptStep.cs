using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Scripted;

/// <summary>One step of a <see cref="StartScript"/>.</summary>
public abstract record ScriptStep
{
    private ScriptStep()
    {
    }

    public sealed record Print(OutputChannel Stream, string Text) : ScriptStep;

    public sealed record Wait(TimeSpan Duration) : ScriptStep;

    public sealed record Health(bool Healthy) : ScriptStep;

    public sealed record Exit(int Code) : ScriptStep;
}
