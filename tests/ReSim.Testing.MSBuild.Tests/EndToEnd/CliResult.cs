namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>What a <c>dotnet</c> child process ended with.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Everything it printed, stdout and stderr interleaved.</param>
/// <param name="Command">The command line, for failure messages.</param>
public sealed record CliResult(int ExitCode, string Output, string Command)
{
    /// <summary>The command and its output, for an assertion message.</summary>
    /// <returns>A readable report.</returns>
    public override string ToString() => $"`{Command}` exited {ExitCode}:\n{Output}";
}
