using ReSim.Testing.Engine.Lifecycle;

namespace ReSim.Testing.Engine.Running;

/// <summary>Why a run ended: a verdict, an error before one, or a cancellation.</summary>
internal abstract record RunEnding
{
    private RunEnding()
    {
    }

    /// <summary>The lifecycle rules reached a verdict.</summary>
    /// <param name="Verdict">The verdict.</param>
    public sealed record Decided(LifecycleVerdict Verdict) : RunEnding;

    /// <summary>The run could not go on: an infrastructure problem.</summary>
    /// <param name="Message">What went wrong.</param>
    /// <param name="At">When, after the experience started.</param>
    public sealed record Failed(string Message, TimeSpan At) : RunEnding;

    /// <summary>The caller cancelled the run.</summary>
    public sealed record Cancelled : RunEnding;
}
