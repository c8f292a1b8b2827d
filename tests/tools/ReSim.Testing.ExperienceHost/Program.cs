using System.Globalization;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Results;

// Runs one compose file as an experience in a process of its own, so tests can kill, signal or isolate a real runner:
// ReSim.Testing.ExperienceHost COMPOSE_FILE TIMEOUT_SECONDS
if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
{
    await Console.Error.WriteLineAsync("usage: ReSim.Testing.ExperienceHost COMPOSE_FILE TIMEOUT_SECONDS").ConfigureAwait(false);
    return 2;
}

var request = new ExperienceRequest { ComposeFile = Path.GetFullPath(args[0]), Timeout = TimeSpan.FromSeconds(seconds) };
var result = await ExperienceLauncher.Shared.RunAsync(request).ConfigureAwait(false);
Console.WriteLine($"{result.Verdict} {result.RunId}: {result.Reason?.Message}");
return result.Verdict == ExperienceVerdict.Passed ? 0 : 1;
