using System.Globalization;
using System.Text;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Scripted;

/// <summary>
/// Turns the <see cref="StartScript"/>s of one service into one busybox <c>sh</c> program, so a lifecycle scenario written
/// for the <see cref="ScriptedRuntime"/> runs unchanged on a real engine.
/// </summary>
/// <remarks>
/// A restarted container keeps its file system, so a counter file tells the program which start it is in. Health is a
/// file that <see cref="Healthcheck"/> tests. A script without an exit runs until SIGTERM, which it obeys at once.
/// </remarks>
public static class ShellScript
{
    public const string HealthFile = "/tmp/resim-healthy";

    public static HealthcheckDefinition Healthcheck { get; } = new()
    {
        Test = ["CMD-SHELL", $"test -f {HealthFile}"],
        Interval = TimeSpan.FromMilliseconds(100),
        Retries = 1,
    };

    public static string For(IReadOnlyList<StartScript> starts)
    {
        var program = new StringBuilder("trap 'exit 143' TERM; n=$(( $(cat /tmp/resim-starts 2>/dev/null || echo 0) + 1 )); echo $n > /tmp/resim-starts; case $n in ");
        for (var i = 0; i < starts.Count; i++)
        {
            program.Append(i == starts.Count - 1 ? "*" : (i + 1).ToString(CultureInfo.InvariantCulture)).Append(") ").Append(Body(starts[i])).Append(";; ");
        }

        return program.Append(starts.Count == 0 ? "*) " + Body(StartScript.Run) + ";; " : string.Empty).Append("esac").ToString();
    }

    private static string Body(StartScript script)
    {
        var steps = script.Steps.Select(step => step switch
        {
            ScriptStep.Print { Stream: OutputChannel.StdErr } print => $"echo {Quote(print.Text)} >&2",
            ScriptStep.Print print => $"echo {Quote(print.Text)}",
            ScriptStep.Wait wait => $"sleep {wait.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}",
            ScriptStep.Health { Healthy: true } => $"touch {HealthFile}",
            ScriptStep.Health => $"rm -f {HealthFile}",
            ScriptStep.Exit exit => $"exit {exit.Code.ToString(CultureInfo.InvariantCulture)}",
            _ => ":",
        }).ToList();
        if (!script.Steps.Any(s => s is ScriptStep.Exit))
        {
            // sleep in the background and wait for it, so the TERM trap runs at once instead of after the sleep.
            steps.Add("while true; do sleep 1 & wait $!; done");
        }

        return steps.Count == 0 ? ":" : string.Join("; ", steps);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
