using System.Collections.Concurrent;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Running;

/// <summary>Keeps every live line and state change the runner reports.</summary>
public sealed class RecordingObserver : IExperienceObserver
{
    public ConcurrentQueue<(string Service, OutputChannel Stream, string Text)> Lines { get; } = new();

    public ConcurrentQueue<TimelineEntry> Changes { get; } = new();

    public void OnLogLine(string service, OutputChannel stream, string text) => Lines.Enqueue((service, stream, text));

    public void OnStateChange(TimelineEntry entry) => Changes.Enqueue(entry);
}
