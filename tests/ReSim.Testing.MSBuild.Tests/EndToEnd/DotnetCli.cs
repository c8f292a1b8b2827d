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
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` in {workingDirectory} did not finish within {timeout}. Output so far:\n{Text(output)}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, Text(output), $"dotnet {string.Join(' ', arguments)}");
    }

    /// <summary>Starts <paramref name="fileName"/> (<c>dotnet</c>, or a wrapper such as <c>setsid</c> around it) with the same environment, collecting its output.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, StringBuilder output, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => InheritedVariablePrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
