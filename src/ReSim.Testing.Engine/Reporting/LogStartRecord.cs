using System.Collections.Immutable;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>One start of a service as the report shows its log: how many lines it wrote and the last of them.</summary>
/// <param name="Number">The start's number, from 1, as in the log file's <c>=== start N ===</c> header.</param>
/// <param name="RestartReason">Why it was started again, or <see langword="null"/> for the first start.</param>
/// <param name="Lines">How many lines it wrote.</param>
/// <param name="StderrLines">How many of them were on stderr.</param>
/// <param name="Tail">The last lines, at most <see cref="LogTails.LinesPerStart"/>.</param>
internal sealed record LogStartRecord(int Number, string? RestartReason, long Lines, long StderrLines, ImmutableArray<LogLineRecord> Tail);
