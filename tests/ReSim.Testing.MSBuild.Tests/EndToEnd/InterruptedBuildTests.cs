using System.Text;
using ReSim.Testing.TestKit;

namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>
/// Ctrl+C and SIGTERM on a real `dotnet build -t:RunComposeExperiences` of the packaged consumer: the running experience
/// is stopped and removed within a few seconds, and the build ends only after that, saying so once with RSIM105 (written
/// by the task's signal report, since MSBuild, cancelling, may drop a task's error and the dotnet CLI prints nothing on
/// SIGTERM): Ctrl+C fails the build (exit code 1), SIGTERM ends it with 143 (128 + 15) where the CLI alone exits 0.
/// </summary>
[EndToEnd]
public sealed class InterruptedBuildTests(PackagedConsumer consumer) : IClassFixture<PackagedConsumer>
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [RequiresEngine]
    [Theory]
    [InlineData("INT", "group", 1)]
    [InlineData("TERM", "dotnet", 143)]
    public async Task A_signal_ends_the_running_experience_and_the_build_ends_only_after_its_objects_are_removed_R19(string signal, string target, int exitCode)
    {
        await DockerPrerequisite.RequireAsync();
        var build = await consumer.DotnetAsync(BuildTimeout, "build", "-p:Experience=stuck", "-nodeReuse:false", "-tl:off");
        Assert.True(build.ExitCode == 0, build.ToString());
        var output = new StringBuilder();

        // setsid: the build gets a process group of its own, as a terminal gives a command, so Ctrl+C can be sent to it alone.
        using var dotnet = DotnetCli.Start(
            consumer.ConsumerDirectory, consumer.Environment, output, "setsid", "dotnet", "build", "--no-restore", "-t:RunComposeExperiences", "-p:Experience=stuck", "-nodeReuse:false", "-tl:off");
        try
        {
            var (runId, owner) = await Interruption.RunningExperienceAsync(dotnet, "interrupted-orchestrator", () => DotnetCli.Text(output), TestContext.Current.CancellationToken);

            var outcome = await Interruption.SignalAndWatchAsync(signal, target == "group" ? -dotnet.Id : dotnet.Id, runId, owner, TestContext.Current.CancellationToken);
            using var exited = new CancellationTokenSource(Interruption.FewSeconds);
            await dotnet.WaitForExitAsync(exited.Token);

            TestContext.Current.TestOutputHelper?.WriteLine($"SIG{signal} to {target}: {outcome}");
            Assert.True(outcome.Left.Length == 0, $"after {Interruption.FewSeconds} the run still had {outcome.Left}\n{DotnetCli.Text(output)}");
            Assert.False(outcome.OwnerEndedFirst, $"the build ended before the run was removed\n{DotnetCli.Text(output)}");
            var text = DotnetCli.Text(output);
            Assert.Contains("experience removed", text, StringComparison.Ordinal);
            Assert.True(dotnet.ExitCode == exitCode, $"the build exited {dotnet.ExitCode}, not {exitCode}\n{text}");
            var cancelled = text.Split('\n').Where(l => l.Contains("error RSIM105:", StringComparison.Ordinal)).ToList();
            Assert.True(cancelled.Count == 1, $"RSIM105 printed {cancelled.Count} times\n{text}");
            Assert.Contains($"stopped by SIG{signal}", cancelled[0], StringComparison.Ordinal);
        }
        finally
        {
            if (!dotnet.HasExited)
            {
                dotnet.Kill(entireProcessTree: true);
            }
        }
    }
}
