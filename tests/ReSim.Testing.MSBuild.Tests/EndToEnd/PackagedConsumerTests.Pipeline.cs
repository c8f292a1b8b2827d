using System.Text.RegularExpressions;

namespace ReSim.Testing.MSBuild.Tests.EndToEnd;

/// <summary>What a build pipeline sets on the command line, or in the environment, reaches every item that does not set its own.</summary>
[EndToEnd]
public sealed partial class PackagedConsumerTests
{
    [RequiresEngine]
    [Fact]
    public async Task Command_line_switches_choose_the_profile_add_variables_and_select_experiences_by_name_R8_R9()
    {
        await DockerPrerequisite.RequireAsync();

        var run = await consumer.DotnetAsync(
            RunTimeout,
            "build",
            "-t:RunComposeExperiences",
            "-p:Experience=pipeline",
            "-p:ComposeExperienceProfile=hil",
            "-p:ComposeExperienceEnvironment=RIG=bench-2%3BSEED=7",
            "-p:ComposeExperienceNames=pipeline-*",
            "-nodeReuse:false",
            "-tl:off");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertPrinted(run, PipelinePassedLine());
        var results = Path.Combine(consumer.ConsumerDirectory, "obj", "resim-experiences");
        Assert.Contains("pipeline rig bench-2 seed 7", await File.ReadAllTextAsync(Path.Combine(results, "pipeline-hil", "experience-orchestrator-container.log"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(results, "pipeline-hil", "experience-bridge-container.log")), run.ToString());
        Assert.DoesNotMatch(PassingSimLine(), run.Output);
    }

    [RequiresEngine]
    [Fact]
    public async Task The_timeout_and_profile_come_from_the_environment_when_no_switch_is_given_R18()
    {
        await DockerPrerequisite.RequireAsync();

        var run = await consumer.DotnetWithAsync(
            new Dictionary<string, string> { ["RESIM_PROFILE"] = "hil", ["RESIM_ENVIRONMENT"] = "RIG=bench-2;SEED=7", ["RESIM_TIMEOUT_SECONDS"] = "2" },
            RunTimeout,
            "build",
            "-t:RunComposeExperiences",
            "-p:Experience=pipeline",
            "-p:ComposeExperienceNames=pipeline-hil",
            "-nodeReuse:false",
            "-tl:off");

        Assert.True(run.ExitCode != 0, run.ToString());
        AssertPrinted(run, PipelineTimedOutError());
    }

    [Fact]
    public async Task Profile_on_the_command_line_is_warning_RSIM109_naming_ComposeExperienceProfile_and_the_run_goes_on()
    {
        await DockerPrerequisite.RequireAsync();

        // The issue's own example: `Profile` is the item metadata's name, not a switch; ENVIRONMENT from the environment is not a -p:.
        var run = await consumer.DotnetWithAsync(
            new Dictionary<string, string> { ["ENVIRONMENT"] = "staging" },
            RunTimeout,
            "build",
            "-t:RunComposeExperiences",
            "-p:Experience=passing",
            "-p:Profile=hil",
            "-nodeReuse:false",
            "-tl:off");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertPrinted(run, MisnamedProfileWarning());
        AssertPrinted(run, PassedLine());
        Assert.DoesNotContain("'Environment'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keep_switch_keeps_the_containers_and_says_once_per_kept_service_where_its_log_ends_without_a_warning()
    {
        await DockerPrerequisite.RequireAsync();

        // The classic console logger repeats every warning in the build's summary: a kept log's end must be neither.
        var run = await consumer.DotnetWithAsync(
            new Dictionary<string, string> { ["RESIM_KEEP_CONTAINERS"] = "1" },
            RunTimeout,
            "build",
            "-t:RunComposeExperiences",
            "-p:Experience=passing",
            "-warnaserror",
            "-nodeReuse:false",
            "-tl:off");

        var command = KeptRemoveCommand().Match(run.Output).Groups[1].Value;
        try
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("RSIM110", run.Output, StringComparison.Ordinal);
            // The robot is still running: its log ends at the verdict. The orchestrator had exited: its log is whole.
            Assert.Single(KeptLogEndLine().Matches(run.Output));
            Assert.Matches(@"\[passing-sim\] The log of service 'robot' ends where its container was kept: start 1: .*`docker logs` of the kept container has the rest", run.Output);
            var log = await File.ReadAllTextAsync(Path.Combine(consumer.ConsumerDirectory, "obj", "resim-experiences", "passing-sim", "experience-orchestrator-container.log"), TestContext.Current.CancellationToken);
            Assert.DoesNotContain("=== GAP", log, StringComparison.Ordinal);
        }
        finally
        {
            if (command.Length > 0)
            {
                using var removal = System.Diagnostics.Process.Start("sh", ["-c", command + " >/dev/null 2>&1"]);
                await removal.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }
    }

    [GeneratedRegex(@"warning RSIM109: The property 'Profile' \(-p:Profile=hil\) is not a ReSim switch and is ignored\. Write -p:ComposeExperienceProfile=hil\.", RegexOptions.None, 1000)]
    private static partial Regex MisnamedProfileWarning();

    [GeneratedRegex(@"ends where its container was kept", RegexOptions.None, 1000)]
    private static partial Regex KeptLogEndLine();

    [GeneratedRegex(@"experience kept \(remove with: (.+)\)\r?$", RegexOptions.Multiline, 1000)]
    private static partial Regex KeptRemoveCommand();

    [GeneratedRegex(@"\[pipeline-hil\] passed in", RegexOptions.None, 1000)]
    private static partial Regex PipelinePassedLine();

    [GeneratedRegex(@"\[passing-sim\]", RegexOptions.None, 1000)]
    private static partial Regex PassingSimLine();

    [GeneratedRegex(@"experiences/pipeline\.yml : error RSIM102: Experience 'pipeline-hil' timed out: The experience timed out after 2\.\d{3} s", RegexOptions.None, 1000)]
    private static partial Regex PipelineTimedOutError();
}
