using ReSim.Testing.Engine.Model;

namespace ReSim.Testing.Engine.Reporting;

/// <summary>Passes every callback to the caller's observer and keeps container lines for the report.</summary>
/// <param name="tails">Where lines are kept.</param>
/// <param name="inner">The caller's observer, or <see langword="null"/>.</param>
internal sealed class ReportObserver(LogTails tails, IExperienceObserver? inner) : IExperienceObserver
{
    /// <inheritdoc />
    public void OnLogLine(string service, OutputChannel stream, string text)
    {
        tails.Add(service, stream, text);
        inner?.OnLogLine(service, stream, text);
    }

    /// <inheritdoc />
    public void OnStateChange(TimelineEntry entry) => inner?.OnStateChange(entry);
}
