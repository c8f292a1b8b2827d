namespace ReSim.Testing.Engine.Model;

/// <summary>Receives what happens during a run as it happens: container lines and state changes.</summary>
/// <remarks>Called from the engine's own tasks; implementations must be thread-safe and quick.</remarks>
public interface IExperienceObserver
{
    /// <summary>A container printed a line.</summary>
    /// <param name="service">The service.</param>
    /// <param name="stream">stdout or stderr.</param>
    /// <param name="text">The line.</param>
    void OnLogLine(string service, OutputChannel stream, string text);

    /// <summary>A state change was recorded in the timeline (R23).</summary>
    /// <param name="entry">The timeline entry.</param>
    void OnStateChange(TimelineEntry entry);
}
