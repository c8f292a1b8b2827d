using System.Collections.Immutable;
using System.Text.Json;
using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Running;

/// <summary>The record of every state change of a run (R23): a JSON-lines file, and the observer told of each.</summary>
/// <remarks>Each line is <c>{"time":..., "elapsedSeconds":..., "service":..., "kind":..., "detail":...}</c>. Thread-safe.</remarks>
internal sealed class Timeline : IDisposable
{
    private readonly FileStream stream;
    private readonly Utf8JsonWriter json;
    private readonly IExperienceObserver? observer;
    private readonly List<TimelineEntry> entries = [];
    private readonly object gate = new();

    public Timeline(string path, IExperienceObserver? observer)
    {
        this.observer = observer;
        stream = File.Create(path);
        json = new Utf8JsonWriter(stream);
    }

    /// <summary>Every entry recorded so far, in order.</summary>
    public ImmutableArray<TimelineEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    public void Record(TimelineEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
            json.Reset();
            json.WriteStartObject();
            json.WriteString("time", entry.Time);
            json.WriteNumber("elapsedSeconds", Math.Round(entry.Elapsed.TotalSeconds, 3));
            json.WriteString("service", entry.Service);
            json.WriteString("kind", entry.Kind);
            json.WriteString("detail", entry.Detail);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            stream.Flush();
        }

        observer?.OnStateChange(entry);
    }

    public void Dispose()
    {
        lock (gate)
        {
            json.Dispose();
            stream.Dispose();
        }
    }
}
