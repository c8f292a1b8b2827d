using System.Diagnostics;

namespace ReSim.Testing.Engine.Tests.Reporting;

/// <summary>Debian's chromium, headless and offline: the DOM after scripts ran, a screenshot, and what the page's console said.</summary>
/// <remarks>Nothing downloads a browser: CI installs the <c>chromium</c> package with apt (<c>.ci/run</c>).</remarks>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] Offline =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0"];

    public static async Task<(string Dom, string Console)> DumpDomAsync(string file, CancellationToken cancellationToken)
    {
        var (output, error) = await RunAsync([.. Offline, "--virtual-time-budget=2000", "--dump-dom", new Uri(file).AbsoluteUri], cancellationToken);
        return (output, ConsoleLines(error));
    }

    public static async Task ScreenshotAsync(string file, string png, int width, int height, CancellationToken cancellationToken)
    {
        await RunAsync([.. Offline, "--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={png}", new Uri(file).AbsoluteUri], cancellationToken);
        Assert.True(File.Exists(png), $"chromium wrote no screenshot at {png}");
    }

    // Chromium logs each console message of the page as "...:CONSOLE(line)] "text", source: ..." on stderr.
    private static string ConsoleLines(string stderr) =>
        string.Join('\n', stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)));

    private static async Task<(string Output, string Error)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A profile of its own, so parallel runs and a user's chromium never share one.
        var profile = Directory.CreateTempSubdirectory("resim-chromium-");
        start.ArgumentList.Add($"--user-data-dir={profile.FullName}");
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(bound.Token);
            return (await output, await error);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
