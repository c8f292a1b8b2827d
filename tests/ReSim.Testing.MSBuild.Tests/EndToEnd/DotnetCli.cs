using System.Diagnostics;
using System.Text;

namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>Runs <c>dotnet</c> as a child process with a clean, isolated environment and captures everything it prints.</summary>
internal static class DotnetCli
{
    // Variables the test host's own MSBuild or test platform set; a child `dotnet` must find its own SDK and run alone.
    private static readonly string[] InheritedVariablePrefixes = ["MSBuild", "MSBUILD", "TESTINGPLATFORM_", "VSTEST_", "DOTNET_HOST_PATH"];

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Start(workingDirectory, environment, output, "dotnet", arguments);
        await ChildProcess.WaitAsync(process, timeout, () => Text(output));
        return new CliResult(process.ExitCode, Text(output), $"dotnet {string.Join(' ', arguments)}");
    }

    /// <summary>Starts <paramref name="fileName"/> (<c>dotnet</c>, or a wrapper such as <c>setsid</c> around it) with the same environment, collecting its output.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, StringBuilder output, string fileName, params string[] arguments)
    {
        var variables = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var start = ChildProcess.Describe(fileName, arguments, workingDirectory, name => InheritedVariablePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)), variables);
        return ChildProcess.StartCollecting(start, output);
    }

    public static string Text(StringBuilder output) => ChildProcess.Text(output);
}
