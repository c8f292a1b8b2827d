using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Lifecycle;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Running;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>Drives <see cref="RunPolicy"/> by hand: each input at a chosen moment, every command kept in order. No clock, no threads.</summary>
internal sealed class PolicyRun
{
    private static readonly DateTimeOffset Origin = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public PolicyRun(IEnumerable<ServiceDefinition> services, bool keep = false, bool connected = true)
    {
        var lifecycle = LifecycleState.Initial(services);
        State = new RunState
        {
            RunId = "run1",
            Origin = Origin,
            Timeout = TimeSpan.FromMinutes(1),
            StopGracePeriod = TimeSpan.FromSeconds(2),
            KeepContainers = keep,
            Connected = connected,
            Lifecycle = lifecycle,
            Services = lifecycle.Services.Keys.ToImmutableSortedDictionary(s => s, s => new ServiceRun { Name = s }, StringComparer.Ordinal),
        };
    }

    public RunState State { get; private set; }

    /// <summary>Every command so far, in order.</summary>
    public List<RunCommand> Commands { get; } = [];

    /// <summary>The commands so far as short words: <c>start:robot</c>, <c>record:exited:robot</c>, <c>remove</c>.</summary>
    public List<string> Log => [.. Commands.Select(Word)];

    /// <summary>The commands so far, records left out.</summary>
    public List<string> Effects => [.. Commands.Where(c => c is not RunCommand.Record).Select(Word)];

    /// <summary>Applies <paramref name="input"/> at <paramref name="seconds"/> after the origin.</summary>
    /// <returns>The commands it gave, as words.</returns>
    public List<string> Apply(RunInput input, double seconds = 0)
    {
        var step = RunPolicy.Apply(State, input, Origin + TimeSpan.FromSeconds(seconds));
        State = step.State;
        Commands.AddRange(step.Commands);
        return [.. step.Commands.Select(Word)];
    }

    public List<string> Exited(string service, int code, double seconds) => Apply(new RunInput.Engine(LifecycleEvent.Exited(service, code, TimeSpan.FromSeconds(seconds))), seconds);

    public List<string> Started(string service, double seconds) => Apply(new RunInput.Engine(LifecycleEvent.Started(service, TimeSpan.FromSeconds(seconds))), seconds);

    public List<string> StartDone(string service, double seconds = 0) => Apply(new RunInput.StartDone(service, null), seconds);

    public List<string> LogEnded(string service, double seconds = 0) => Apply(new RunInput.LogEnded(service), seconds);

    public List<string> StopDone(string service, string? error = null) => Apply(new RunInput.StopDone(service, error));

    public List<string> SamplingEnded() => Apply(new RunInput.SamplingEnded());

    /// <summary>The service exits 1 and its restart is made: the old log ends, the engine answers the start and reports it.</summary>
    public void ExitsAndRestarts(string service, double exitAt, double startedAt)
    {
        Exited(service, 1, exitAt);
        LogEnded(service, startedAt);
        StartDone(service, startedAt);
        Started(service, startedAt);
    }

    /// <summary>Begins the run and answers every start, as the engine does when the containers come up.</summary>
    public void BeginAndStartAll()
    {
        Apply(new RunInput.Begin());
        foreach (var service in State.Services.Keys)
        {
            StartDone(service);
            Started(service, 0.1);
        }
    }

    public IEnumerable<RunCommand.Record> Records(TimelineKind kind) => Commands.OfType<RunCommand.Record>().Where(r => r.Kind == kind);

    private static string Word(RunCommand command) => command switch
    {
        RunCommand.Record record => $"record:{record.Kind.Text()}{(record.Service is null ? string.Empty : ":" + record.Service)}",
        RunCommand.Start start => $"start:{start.Service}",
        RunCommand.WaitBackoff wait => $"wait:{wait.Service}:{wait.Delay.TotalMilliseconds}ms",
        RunCommand.SampleExit exit => $"sample-exit:{exit.Service}",
        RunCommand.Stop stop => $"stop:{stop.Service}",
        RunCommand.ArmTimeout => "arm-timeout",
        RunCommand.Ended => "ended",
        RunCommand.CloseLogs => "close-logs",
        RunCommand.Remove => "remove",
        RunCommand.ReportKept => "report-kept",
        _ => command.ToString(),
    };
}
