using System.Diagnostics;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Loading;

/// <summary>
/// Files a compose file names that are not regular files (issue 9, item 6): a real FIFO, <c>/dev/zero</c>,
/// <c>/dev/urandom</c>, a directory and a huge file are refused with a diagnostic at the key that named them, never
/// opened or read without bound. Each load must end within the test's timeout (a FIFO that were opened would block forever).
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private const int TimeoutMs = 15_000;
    private readonly string folder = Directory.CreateTempSubdirectory("resim-special-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string, string> Devices() => new() { { "/dev/zero", "a character device" }, { "/dev/urandom", "a character device" } };

    [Fact(Timeout = TimeoutMs)]
    public async Task An_env_file_that_is_a_fifo_is_refused_without_opening_it()
    {
        var fifo = MakeFifo("pipe.env");

        var (result, line, column) = await LoadAsync("    env_file: " + fifo, TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, line, column, "services.probe.env_file", "a FIFO (named pipe)");
    }

    [Theory(Timeout = TimeoutMs)]
    [MemberData(nameof(Devices))]
    public async Task An_env_file_that_is_a_device_is_refused(string device, string kind)
    {
        var (result, line, column) = await LoadAsync("    env_file: " + device, TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, line, column, "services.probe.env_file", kind);
    }

    [Theory(Timeout = TimeoutMs)]
    [MemberData(nameof(Devices))]
    public async Task An_extends_file_that_is_a_device_is_refused(string device, string kind)
    {
        var (result, line, column) = await LoadAsync("    extends: {file: " + device + ", service: base}", TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, line, column, "services.probe.extends.file", kind);
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task An_extends_file_that_is_a_fifo_is_refused_without_opening_it()
    {
        var fifo = MakeFifo("pipe.yml");

        var (result, line, column) = await LoadAsync("    extends: {file: " + fifo + ", service: base}", TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, line, column, "services.probe.extends.file", "a FIFO (named pipe)");
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task An_included_file_that_is_a_fifo_is_refused_without_opening_it()
    {
        var fifo = MakeFifo("pipe-include.yml");
        var compose = Path.Combine(folder, "compose.yml");
        File.WriteAllText(compose, "include:\n  - " + fifo + "\nservices:\n  orchestrator:\n    image: resim-testing/busybox:1.35\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n");

        var result = await LoadFileAsync(compose, TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, 2, 5, "include", "a FIFO (named pipe)");
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task An_included_env_file_that_is_a_device_is_refused()
    {
        File.WriteAllText(Path.Combine(folder, "other.yml"), "services:\n  other:\n    image: resim-testing/busybox:1.35\n");
        var compose = Path.Combine(folder, "compose.yml");
        File.WriteAllText(compose, "include:\n  - path: other.yml\n    env_file: /dev/urandom\nservices:\n  orchestrator:\n    image: resim-testing/busybox:1.35\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n");

        var result = await LoadFileAsync(compose, TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, 3, 15, "include", "a character device");
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task An_env_file_that_is_a_directory_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(folder, "config"));

        var (result, line, column) = await LoadAsync("    env_file: config", TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.NotARegularFile, line, column, "services.probe.env_file", "a directory");
    }

    [Fact(Timeout = TimeoutMs)]
    public async Task A_huge_env_file_is_refused_before_it_is_read()
    {
        using (var stream = File.Create(Path.Combine(folder, "huge.env")))
        {
            stream.SetLength(6L * 1024 * 1024);
        }

        var (result, line, column) = await LoadAsync("    env_file: huge.env", TestContext.Current.CancellationToken);

        AssertRefused(result, DiagnosticCodes.InputTooLarge, line, column, "services.probe.env_file", "6,291,456 bytes");
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(folder, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Loads a file whose service <c>probe</c> ends with <paramref name="line"/>; the position of that line's value.</summary>
    private async Task<(ComposeLoadResult Result, int Line, int Column)> LoadAsync(string line, CancellationToken cancellationToken)
    {
        var compose = Path.Combine(folder, "compose.yml");
        File.WriteAllText(compose, "services:\n  orchestrator:\n    image: resim-testing/busybox:1.35\n    labels: {resim.ai/isTestOrchestrator: \"true\"}\n  probe:\n    image: resim-testing/busybox:1.35\n" + line + "\n");
        var valueColumn = line.StartsWith("    extends", StringComparison.Ordinal) ? line.IndexOf("file: ", StringComparison.Ordinal) + 7 : line.IndexOf(": ", StringComparison.Ordinal) + 3;
        return (await LoadFileAsync(compose, cancellationToken), 7, valueColumn);
    }

    private static Task<ComposeLoadResult> LoadFileAsync(string compose, CancellationToken cancellationToken)
    {
        var options = new ComposeLoadOptions { Variables = new Dictionary<string, string>(), System = new SystemResources(8, 16L << 30, []) };
        return Task.Run(() => ComposeLoader.LoadFile(compose, options), cancellationToken)
            .WaitAsync(TimeSpan.FromMilliseconds(TimeoutMs - 2_000), cancellationToken);
    }

    private static void AssertRefused(ComposeLoadResult result, string code, int line, int column, string path, string describes)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, "compose.yml", line, column, path), (error.Code, Path.GetFileName(error.Location.File), error.Location.Line, error.Location.Column, error.Path));
        Assert.Contains(describes, error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
        Assert.Null(result.Model);
    }
}
