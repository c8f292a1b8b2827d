using System.Threading.Channels;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Scripted;

/// <summary>One container of a <see cref="ScriptedRuntime"/>: plays its service's script once per start.</summary>
public sealed class ScriptedContainer(string id, ContainerSpec spec, IReadOnlyList<StartScript> scripts, Action<ContainerEvent> emit) : IDisposable
{
    private Channel<LogLine> lines = Channel.CreateUnbounded<LogLine>();
    private CancellationTokenSource stop = new();

    public string Id { get; } = id;

    public ContainerSpec Spec { get; } = spec;

    public int Starts { get; private set; }

    public bool IsRunning { get; private set; }

    public Task Current { get; private set; } = Task.CompletedTask;

    public ChannelReader<LogLine> Lines => lines.Reader;

    public void Start()
    {
        if (IsRunning)
        {
            throw new ExperienceInfrastructureException($"container {Spec.Name} is already running");
        }

        Starts++;
        IsRunning = true;
        lines = Channel.CreateUnbounded<LogLine>();
        stop.Dispose();
        stop = new CancellationTokenSource();
        emit(new ContainerEvent(Id, Spec.Service, ContainerEventKind.Started, DateTimeOffset.UtcNow));
        var script = scripts.Count == 0 ? StartScript.Run : scripts[Math.Min(Starts, scripts.Count) - 1];
        Current = Task.Run(() => PlayAsync(script, lines.Writer, stop.Token));
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Current;
    }

    public void Dispose() => stop.Dispose();

    private async Task PlayAsync(StartScript script, ChannelWriter<LogLine> writer, CancellationToken token)
    {
        var code = 137;
        try
        {
            foreach (var step in script.Steps)
            {
                switch (step)
                {
                    case ScriptStep.Print print:
                        writer.TryWrite(new LogLine(print.Stream, print.Text, DateTimeOffset.UtcNow));
                        break;
                    case ScriptStep.Wait wait:
                        await Task.Delay(wait.Duration, token);
                        break;
                    case ScriptStep.Health health:
                        emit(new ContainerEvent(Id, Spec.Service, health.Healthy ? ContainerEventKind.Healthy : ContainerEventKind.Unhealthy, DateTimeOffset.UtcNow));
                        break;
                    case ScriptStep.Exit exit:
                        code = exit.Code;
                        return;
                }
            }

            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            code = 137;
        }
        finally
        {
            IsRunning = false;
            writer.TryComplete();
            emit(new ContainerEvent(Id, Spec.Service, ContainerEventKind.Exited, DateTimeOffset.UtcNow, code));
        }
    }
}
