using ReSim.Testing.Engine.Lifecycle;

namespace ReSim.Testing.Engine.Running;

/// <summary>One message to a run's loop (<see cref="RunLoop"/>): something the engine reported, or an effect that finished.</summary>
/// <remarks>Every input comes through one channel in one order, and only <see cref="RunPolicy.Apply"/> turns it into state.</remarks>
internal abstract record RunInput
{
    private RunInput()
    {
    }

    /// <summary>The containers are created: start them all (R14) and arm the timeout (R18).</summary>
    public sealed record Begin : RunInput;

    /// <summary>The run could not be set up (or its engine could not be reached): end it with this message.</summary>
    /// <param name="Message">What went wrong, for the result.</param>
    public sealed record SetupFailed(string Message) : RunInput;

    /// <summary>The caller cancelled the run.</summary>
    public sealed record Cancelled : RunInput;

    /// <summary>The engine reported a container event, or the timeout passed.</summary>
    /// <param name="Event">The event, timed from the experience's start.</param>
    public sealed record Engine(LifecycleEvent Event) : RunInput;

    /// <summary>The engine's event stream ended or broke.</summary>
    /// <param name="Message">Why, for the result.</param>
    public sealed record EngineLost(string Message) : RunInput;

    /// <summary>A restart's back-off has elapsed.</summary>
    /// <param name="Service">The service.</param>
    public sealed record BackoffElapsed(string Service) : RunInput;

    /// <summary>The engine has answered a start; its log is being read from now on when it succeeded.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="Error">Why the start failed, or <see langword="null"/>.</param>
    public sealed record StartDone(string Service, Exception? Error) : RunInput;

    /// <summary>A start's log has been read to its end (or closed, with the gap marked in the log).</summary>
    /// <param name="Service">The service.</param>
    public sealed record LogEnded(string Service) : RunInput;

    /// <summary>The engine has answered a stop at teardown.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="Error">Why the stop failed, or <see langword="null"/>.</param>
    public sealed record StopDone(string Service, string? Error) : RunInput;

    /// <summary>Metrics sampling has ended, each running container's last reading taken: teardown may stop them now.</summary>
    public sealed record SamplingEnded : RunInput;

    /// <summary>The engine has answered the removal of the run.</summary>
    /// <param name="Error">Why the removal failed, or <see langword="null"/>.</param>
    public sealed record RemoveDone(string? Error) : RunInput;
}
