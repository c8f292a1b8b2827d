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

    [GeneratedRegex(@"\[pipeline-hil\] passed in", RegexOptions.None, 1000)]
    private static partial Regex PipelinePassedLine();

    [GeneratedRegex(@"\[passing-sim\]", RegexOptions.None, 1000)]
    private static partial Regex PassingSimLine();

    [GeneratedRegex(@"experiences/pipeline\.yml : error RSIM102: Experience 'pipeline-hil' timed out: The experience timed out after 2\.\d{3} s", RegexOptions.None, 1000)]
    private static partial Regex PipelineTimedOutError();
}
