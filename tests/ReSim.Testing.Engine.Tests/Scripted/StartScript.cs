using System.Collections.Immutable;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Scripted;

/// <summary>What a scripted container does on one start: print, wait, report health, exit. Without an exit it runs until stopped.</summary>
public sealed record StartScript(ImmutableArray<ScriptStep> Steps)
{
    public static StartScript Run { get; } = new(ImmutableArray<ScriptStep>.Empty);

    public StartScript Print(params string[] lines) => this with { Steps = Steps.AddRange(lines.Select(l => new ScriptStep.Print(OutputChannel.StdOut, l))) };

    public StartScript PrintError(params string[] lines) => this with { Steps = Steps.AddRange(lines.Select(l => new ScriptStep.Print(OutputChannel.StdErr, l))) };

    public StartScript Wait(int milliseconds) => this with { Steps = Steps.Add(new ScriptStep.Wait(TimeSpan.FromMilliseconds(milliseconds))) };

    public StartScript Healthy() => this with { Steps = Steps.Add(new ScriptStep.Health(true)) };

    public StartScript Unhealthy() => this with { Steps = Steps.Add(new ScriptStep.Health(false)) };

    public StartScript Exit(int code) => this with { Steps = Steps.Add(new ScriptStep.Exit(code)) };
}
