namespace ReSim.Testing.Engine.Launch;

/// <summary>A front end's registered report of experiences that a signal ended (<see cref="ExperienceRunner.ReportSignalEndings"/>).</summary>
public sealed class SignalReport : IDisposable
{
    private readonly Action<string> report;
    private readonly Action<SignalReport> unregister;
    private readonly ManualResetEventSlim reported = new();

    internal SignalReport(Action<string> report, Action<SignalReport> unregister)
    {
        this.report = report;
        this.unregister = unregister;
    }

    /// <summary>The signal (such as <c>SIGTERM</c>) that is ending the experiences and will be reported, or <see langword="null"/>.</summary>
    /// <remarks>Set before the experiences are cancelled, so a front end that sees its experiences cancelled can tell that
    /// the report says so and need not report it a second time.</remarks>
    public string? Signal { get; internal set; }

    /// <summary>Waits until the report of <see cref="Signal"/> has been made.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <returns><see langword="true"/> when it has been made.</returns>
    public bool WaitUntilReported(TimeSpan timeout) => reported.Wait(timeout);

    /// <summary>Unregisters the report.</summary>
    public void Dispose()
    {
        unregister(this);
        reported.Dispose();
    }

    internal void Finish()
    {
        report(Signal!);
        reported.Set();
    }
}
