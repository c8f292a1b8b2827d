using System.Collections.Concurrent;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>Records live lines and state changes, and lets a test wait for one during the run (to inspect or cancel it).</summary>
public sealed class LiveObserver : IExperienceObserver
{
    private readonly ConcurrentQueue<TimelineEntry> changes = new();
    private readonly ConcurrentDictionary<(string? Service, string Kind), TaskCompletionSource<TimelineEntry>> waiting = new();

    public ConcurrentQueue<(string Service, OutputChannel Stream, string Text)> Lines { get; } = new();

    public IReadOnlyCollection<TimelineEntry> Changes => changes;

    public void OnLogLine(string service, OutputChannel stream, string text) => Lines.Enqueue((service, stream, text));

    public void OnStateChange(TimelineEntry entry)
    {
        changes.Enqueue(entry);
        Waiter(entry.Service, entry.Kind).TrySetResult(entry);
    }

    /// <summary>The first entry of <paramref name="kind"/> for <paramref name="service"/>; fails after 15 s.</summary>
    public Task<TimelineEntry> WaitForAsync(string? service, string kind) =>
        Waiter(service, kind).Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

    /// <summary>The ID of the service's container, from its <c>created</c> entry.</summary>
    public async Task<string> ContainerIdAsync(string service) => (await WaitForAsync(service, "created")).Detail!;

    private TaskCompletionSource<TimelineEntry> Waiter(string? service, string kind) =>
        waiting.GetOrAdd((service, kind), _ => new TaskCompletionSource<TimelineEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
}
