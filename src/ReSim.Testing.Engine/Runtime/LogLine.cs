namespace ReSim.Testing.Engine.Runtime;

/// <summary>One line a container printed.</summary>
/// <param name="Stream">stdout or stderr.</param>
/// <param name="Text">The line, without its line break.</param>
/// <param name="Time">When the engine received it.</param>
public sealed record LogLine(OutputChannel Stream, string Text, DateTimeOffset Time);
