using System.Diagnostics;
using System.Text;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Runs a command line tool (dotnet, docker) as a test run of its own and captures what it printed.</summary>
public static class ProcessRunner
{
    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, workingDirectory, new Dictionary<string, string>(), timeout, cancellationToken);

    /// <summary>As above, with <paramref name="variables"/> added to the child's environment.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> variables, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        using var process = ChildProcess.StartCollecting(Describe(fileName, arguments, workingDirectory, variables), output);
        await ChildProcess.WaitAsync(process, timeout, () => ChildProcess.Text(output), cancellationToken);
        return (process.ExitCode, ChildProcess.Text(output));
    }

    /// <summary>Starts the tool with nothing of this test host's session in its environment; the caller reads its output if <paramref name="redirect"/>.</summary>
    public static Process Start(string fileName, IEnumerable<string> arguments, string workingDirectory, bool redirect, IReadOnlyDictionary<string, string>? variables = null)
    {
        var start = Describe(fileName, arguments, workingDirectory, variables ?? new Dictionary<string, string>());
        start.RedirectStandardOutput = redirect;
        start.RedirectStandardError = redirect;
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
    }

    // The child is a test run of its own: nothing of this test host's session may leak into it.
    private static ProcessStartInfo Describe(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> variables) =>
        ChildProcess.Describe(fileName, arguments, workingDirectory, IsTestSessionVariable, new Dictionary<string, string>(variables)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = variables.GetValueOrDefault("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
            ["DOTNET_NOLOGO"] = variables.GetValueOrDefault("DOTNET_NOLOGO", "1"),
        });

    private static bool IsTestSessionVariable(string name) =>
        name.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_TEST", StringComparison.OrdinalIgnoreCase);
}
