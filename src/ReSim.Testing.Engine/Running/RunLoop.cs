using System.Threading.Channels;

namespace ReSim.Testing.Engine.Running;

/// <summary>The one owner of a run's state: takes the inputs from one channel in order, applies <see cref="RunPolicy"/> and hands its commands to the shell.</summary>
/// <remarks>
/// Anything may post (the engine's event stream, timers, finished effects, a cancellation) from any thread; only the
/// loop reads, so the state needs no lock. The commands are handed over in order on the loop; one that waits for the
/// engine starts its work and posts its outcome back as another input.
/// </remarks>
internal sealed class RunLoop(RunState initial, TimeProvider time)
{
    private readonly Channel<RunInput> inputs = Channel.CreateUnbounded<RunInput>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The current state: the initial one until the loop runs, the final one after.</summary>
    public RunState State { get; private set; } = initial;

    /// <summary>Hands the loop an input; after the run is done, inputs are dropped.</summary>
    /// <param name="input">The input.</param>
    public void Post(RunInput input) => inputs.Writer.TryWrite(input);

    /// <summary>Applies every input until the run is done.</summary>
    /// <param name="execute">Carries out one command; called on the loop, so it must not block.</param>
    /// <returns>The final state.</returns>
    public async Task<RunState> RunAsync(Action<RunCommand> execute)
    {
        ArgumentNullException.ThrowIfNull(execute);
        await foreach (var input in inputs.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var step = RunPolicy.Apply(State, input, time.GetUtcNow());
            State = step.State;
            foreach (var command in step.Commands)
            {
                execute(command);
            }

            if (State.IsDone)
            {
                inputs.Writer.TryComplete();
            }
        }

        return State;
    }
}
