using System.Globalization;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Results;

// Runs one compose file as an experience in a process of its own, so tests can kill, signal or isolate a real runner:
// ReSim.Testing.ExperienceHost COMPOSE_FILE TIMEOUT_SECONDS [ORPHAN_GRACE_SECONDS]
if (args.Length is < 2 or > 3 || !args.Skip(1).All(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
{
    await Console.Error.WriteLineAsync("usage: ReSim.Testing.ExperienceHost COMPOSE_FILE TIMEOUT_SECONDS [ORPHAN_GRACE_SECONDS]").ConfigureAwait(false);
    return 2;
}

var seconds = args.Skip(1).Select(a => TimeSpan.FromSeconds(int.Parse(a, CultureInfo.InvariantCulture))).ToArray();
var options = new DockerRuntimeOptions();
await using var runtime = new DockerRuntime(seconds.Length > 1 ? options with { OrphanGrace = seconds[1] } : options);
var request = new ExperienceRequest { ComposeFile = Path.GetFullPath(args[0]), Settings = new() { Timeout = seconds[0] } };
var result = await new ExperienceRunner(runtime).RunAsync(request).ConfigureAwait(false);
Console.WriteLine($"{result.Verdict} {result.RunId}: {result.Reason?.Message}");
return result.Verdict == ExperienceVerdict.Passed ? 0 : 1;
