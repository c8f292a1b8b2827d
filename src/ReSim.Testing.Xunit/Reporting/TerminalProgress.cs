namespace ReSim.Testing.Reporting;

/// <summary>Writes experiences' state changes straight to the terminal the tests were started from, as they happen.</summary>
/// <remarks>
/// Under <c>dotnet test</c> with Microsoft.Testing.Platform, nothing a test writes reaches the terminal while it runs:
/// <c>ITestOutputHelper</c> lines come with the result (even with <c>--show-live-output on</c>), and diagnostic messages,
/// stdout and stderr of the test host are not shown at all (checked with the .NET 10 SDK, xunit.v3 4.0.2). The
/// terminal itself (<c>/dev/tty</c>) is still there, so state changes are written to it, one line each above the
/// runner's progress line. Only when the test host's output is redirected (so a direct run, whose runner shows the
/// output live itself, gets no second copy), a terminal exists and <c>CI</c> is not <c>true</c>; <c>RESIM_TESTING_TERMINAL=off</c> turns it off.
/// </remarks>
internal sealed class TerminalProgress
{
    /// <summary>The environment variable that turns terminal progress off when set to <c>off</c>.</summary>
    public const string SwitchVariable = "RESIM_TESTING_TERMINAL";

    private static readonly Lazy<TerminalProgress?> Shared = new(Open);

    private readonly TextWriter terminal;
    private readonly object gate = new();

    private TerminalProgress(TextWriter terminal) => this.terminal = terminal;

    /// <summary>The terminal of this test run, or <see langword="null"/> when there is none to write to.</summary>
    public static TerminalProgress? Current => Shared.Value;

    /// <summary>Writes one line above the runner's progress line.</summary>
    /// <param name="line">The line; control characters are shown as <c>?</c>, so no text can move the cursor.</param>
    public void WriteLine(string line)
    {
        lock (gate)
        {
            try
            {
                // Carriage return and erase-line: the runner's progress line is overwritten, and it redraws itself below.
                terminal.Write($"\r\u001b[2K{new string([.. line.Select(c => char.IsControl(c) ? '?' : c)])}\n");
                terminal.Flush();
            }
            catch (IOException)
            {
                // The terminal went away (a closed window): the test output still has every line.
            }
        }
    }

    private static TerminalProgress? Open()
    {
        // CI=true (set by CI services) also means no person watches a terminal.
        if (OperatingSystem.IsWindows() || !Console.IsOutputRedirected
            || string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return new TerminalProgress(new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No controlling terminal (CI, an IDE): the test output is the only place, as it is anyway.
            return null;
        }
    }
}
