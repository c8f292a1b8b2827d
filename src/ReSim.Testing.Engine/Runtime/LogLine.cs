using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Runtime;

/// <summary>One line a container printed.</summary>
/// <param name="Stream">stdout or stderr.</param>
/// <param name="Text">The line as text (UTF-8 decoded), without its line break or a <c>\r</c> before it.</param>
/// <param name="Time">When the engine recorded it (for a line the engine split into parts, its first part).</param>
public sealed record LogLine(OutputChannel Stream, string Text, DateTimeOffset Time)
{
    /// <summary>The line's bytes exactly as the container wrote them, without the line break (a <c>\r</c> before it kept).</summary>
    /// <remarks>Empty when the runtime gives text only; the log file then holds <see cref="Text"/> in UTF-8.</remarks>
    public ReadOnlyMemory<byte> Bytes { get; init; }
}
