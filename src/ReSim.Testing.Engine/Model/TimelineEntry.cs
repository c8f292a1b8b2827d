using System.Globalization;

namespace ReSim.Testing.Engine.Model;

/// <summary>One state change of an experience (R23).</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Elapsed">How long after the experience started.</param>
/// <param name="Service">The service, or <see langword="null"/> for the experience as a whole.</param>
/// <param name="Kind">What happened: <c>created</c>, <c>started</c>, <c>healthy</c>, <c>unhealthy</c>, <c>exited</c>, <c>restarted</c>, <c>restart-cancelled</c> (the experience ended before a decided restart was made),
/// <c>timeout</c>, <c>verdict</c>, <c>stopped</c>, <c>stop-failed</c>, <c>removed</c>, and <c>error</c> or <c>cancelled</c> when the run did not reach a verdict.</param>
/// <param name="Detail">The exit code, the restart reason or the verdict, when there is one.</param>
public sealed record TimelineEntry(DateTimeOffset Time, TimeSpan Elapsed, string? Service, string Kind, string? Detail)
{
    /// <summary>One line for people: <c>+1.2 s robot exited (exit code 0)</c>; <c>experience</c> stands for no service. The format is stable.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"+{Elapsed.TotalSeconds:0.0} s {Service ?? "experience"} {Kind}{(Detail is null ? string.Empty : $" ({Detail})")}");
}
