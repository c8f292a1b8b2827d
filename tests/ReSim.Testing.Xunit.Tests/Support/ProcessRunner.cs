using System.Diagnostics;
using System.Text;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Runs a command line tool (dotnet, docker) and captures what it printed.</summary>
public static class ProcessRunner
{
    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, workingDirectory, new Dictionary<string, string>(), timeout, cancellationToken);

    /// <summary>As above, with <paramref name="variables"/> added to the child's environment.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> variables, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Start(fileName, arguments, workingDirectory, redirect: true, variables);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts the tool with nothing of this test host's session in its environment; the caller reads its output if <paramref name="redirect"/>.</summary>
    public static Process Start(string fileName, IEnumerable<string> arguments, string workingDirectory, bool redirect, IReadOnlyDictionary<string, string>? variables = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child is a test run of its own: nothing of this test host's session may leak into it.
        foreach (var name in start.Environment.Keys.Where(IsTestSessionVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
    }

    private static bool IsTestSessionVariable(string name) =>
        name.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_TEST", StringComparison.OrdinalIgnoreCase);

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
