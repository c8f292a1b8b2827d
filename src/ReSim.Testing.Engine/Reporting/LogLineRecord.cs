using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>One container line kept for the report.</summary>
/// <param name="Stream">stdout or stderr.</param>
/// <param name="Text">The line, as the container wrote it (untrusted: encoded when shown).</param>
internal readonly record struct LogLineRecord(OutputChannel Stream, string Text);
