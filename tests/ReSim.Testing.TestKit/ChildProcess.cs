using System.Diagnostics;
using System.Text;

namespace ReSim.Testing.TestKit;

/// <summary>What a finished child process printed.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StdOut">Its standard output, exactly.</param>
/// <param name="StdErr">Its standard error, exactly.</param>
public sealed record ChildResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs the tools tests drive from outside the product (docker, dotnet, htpasswd, chromium): one way to give a child its
/// environment, collect what it prints and bound how long it may take.
/// </summary>
public static class ChildProcess
{
    /// <summary>Describes a child: its arguments one by one (no quoting), its folder, variables removed, then set.</summary>
    /// <param name="program">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Its folder, or <see langword="null"/> for this process's.</param>
    /// <param name="removeVariables">Whether a variable of this process's environment is left out of the child's.</param>
    /// <param name="setVariables">Variables set in the child's environment after that.</param>
    /// <returns>The start information, output redirected.</returns>
    public static ProcessStartInfo Describe(string program, IEnumerable<string> arguments, string? workingDirectory = null, Func<string, bool>? removeVariables = null, IReadOnlyDictionary<string, string>? setVariables = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(removeVariables ?? (_ => false)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in setVariables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs a child to its end and returns each stream exactly as written.</summary>
    /// <param name="start">The child.</param>
    /// <param name="timeout">How long it may take; after that it is killed with its children and <see cref="TimeoutException"/> is thrown.</param>
    /// <param name="cancellationToken">Cancels the wait; the child is killed then too.</param>
    /// <returns>The exit code and what it printed.</returns>
    public static async Task<ChildResult> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await WaitAsync(process, timeout, () => string.Empty, cancellationToken);
        return new ChildResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a child whose lines, from both streams in the order they come, go to <paramref name="output"/>; read it with <see cref="Text"/>.</summary>
    /// <param name="start">The child.</param>
    /// <param name="output">Where its lines go.</param>
    /// <returns>The running child.</returns>
    public static Process StartCollecting(ProcessStartInfo start, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(output);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for a child's end, at most <paramref name="timeout"/>; then kills it with its children and throws <see cref="TimeoutException"/> with what it printed so far.</summary>
    /// <param name="process">The child.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="printed">What it has printed so far, for the exception.</param>
    /// <param name="cancellationToken">Cancels the wait; the child is killed then too.</param>
    /// <returns>A task that completes when the child has ended and its output is read.</returns>
    public static async Task WaitAsync(Process process, TimeSpan timeout, Func<string> printed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(printed);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"`{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)}` did not finish within {timeout}. Output so far:\n{printed()}");
        }

        // The asynchronous readers may still hold the last lines: the parameterless wait drains them.
        process.WaitForExit();
    }

    /// <summary>What a collecting child has printed so far.</summary>
    /// <param name="output">The collector given to <see cref="StartCollecting"/>.</param>
    /// <returns>The lines so far.</returns>
    public static string Text(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
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
