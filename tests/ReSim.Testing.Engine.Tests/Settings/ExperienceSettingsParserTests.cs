using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Settings;

namespace ReSim.Testing.Engine.Tests.Settings;

/// <summary>The one reading of settings as users write them, shared by the xUnit attribute, the MSBuild item and the pipelines' switches.</summary>
public sealed class ExperienceSettingsParserTests
{
    private const string Base = "/project";

    [Fact]
    public void Nothing_set_reads_as_the_platform_s_defaults()
    {
        var parsed = Parse(ExperienceSettingsText.None);

        Assert.True(parsed.IsValid);
        Assert.Null(parsed.Profile);
        Assert.Equal(ExperienceSettings.Default with { Environment = parsed.Settings.Environment }, parsed.Settings);
        Assert.Empty(parsed.Settings.Environment);
        Assert.Equal(TimeSpan.FromHours(1), parsed.Settings.Timeout);
    }

    [Fact]
    public void Every_setting_reads_into_its_typed_value()
    {
        var parsed = Parse(new()
        {
            Profile = " sim ",
            Environment = ["SCENARIO=parking", "SPEED=3", "SCENARIO=garage"],
            Inputs = "experiences/inputs",
            TimeoutSeconds = "90.5",
            Name = "parking",
            SystemCpus = "2.5",
            SystemMemory = "16g",
            SystemGpus = ["0", "GPU-b"],
            AllowHostMounts = "TRUE",
            KeepContainers = "1",
        });

        Assert.True(parsed.IsValid, string.Join(" ", parsed.Problems));
        Assert.Equal("sim", parsed.Profile);
        var settings = parsed.Settings;
        Assert.Equal(new Dictionary<string, string> { ["SCENARIO"] = "garage", ["SPEED"] = "3" }, settings.Environment);
        Assert.Equal("/project/experiences/inputs", settings.InputsDirectory);
        Assert.Equal(TimeSpan.FromSeconds(90.5), settings.Timeout);
        Assert.Equal("parking", settings.Name);
        Assert.Equal((2.5, 16L << 30), (settings.System!.Cpus, settings.System.MemoryBytes));
        Assert.Equal(["0", "GPU-b"], settings.System.Gpus);
        Assert.Equal((true, true), (settings.AllowHostMounts, settings.KeepContainers));
    }

    [Fact]
    public void An_absolute_inputs_folder_stays_as_written()
    {
        Assert.Equal("/data/inputs", Parse(new() { Inputs = "/data/inputs" }).Settings.InputsDirectory);
    }

    [Theory]
    [InlineData("", false, true)]
    [InlineData("0", false, true)]
    [InlineData("false", false, true)]
    [InlineData(" False ", false, true)]
    [InlineData("1", true, true)]
    [InlineData("true", true, true)]
    [InlineData("yes", false, false)]
    [InlineData("2", false, false)]
    public void A_switch_is_true_false_1_0_or_empty(string text, bool value, bool valid)
    {
        Assert.Equal(valid, ExperienceSettingsParser.TryParseSwitch(text, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData(nameof(ExperienceSettingsText.TimeoutSeconds), "0", "TimeoutSeconds is \"0\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData(nameof(ExperienceSettingsText.TimeoutSeconds), "-5", "TimeoutSeconds is \"-5\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData(nameof(ExperienceSettingsText.TimeoutSeconds), "1e300", "TimeoutSeconds is \"1e300\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData(nameof(ExperienceSettingsText.TimeoutSeconds), "NaN", "TimeoutSeconds is \"NaN\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData(nameof(ExperienceSettingsText.SystemCpus), "many", "SystemCpus is \"many\", which is not a positive number of CPUs (R13); write a number such as 8, or leave it out for this machine's.")]
    [InlineData(nameof(ExperienceSettingsText.SystemCpus), "Infinity", "SystemCpus is \"Infinity\", which is not a positive number of CPUs (R13); write a number such as 8, or leave it out for this machine's.")]
    [InlineData(nameof(ExperienceSettingsText.SystemMemory), "16x", "SystemMemory is \"16x\", which is not a memory size (R13); write it as in a compose file, such as 16g or 512m, or leave it out for this machine's.")]
    [InlineData(nameof(ExperienceSettingsText.SystemMemory), "0", "SystemMemory is \"0\", which is not a memory size (R13); write it as in a compose file, such as 16g or 512m, or leave it out for this machine's.")]
    [InlineData(nameof(ExperienceSettingsText.AllowHostMounts), "yes", "AllowHostMounts is \"yes\", which is not true or false; write true to mount the compose file's host paths in local runs, or leave it out.")]
    [InlineData(nameof(ExperienceSettingsText.KeepContainers), "sometimes", "KeepContainers is \"sometimes\", which is not true or false; write true to keep the containers after the verdict, or leave it out.")]
    [InlineData(nameof(ExperienceSettingsText.Name), "..", "Name is \"..\", which cannot name the experience's results folder; write one plain folder name such as parking: not . or .., not an absolute path, without / \\ : * ? \" < > | or control characters, or leave it out for the file name and profile.")]
    public void A_bad_value_is_one_problem_naming_the_setting_the_value_and_what_to_write(string setting, string value, string problem)
    {
        var text = setting switch
        {
            nameof(ExperienceSettingsText.TimeoutSeconds) => new ExperienceSettingsText { TimeoutSeconds = value },
            nameof(ExperienceSettingsText.SystemCpus) => new ExperienceSettingsText { SystemCpus = value },
            nameof(ExperienceSettingsText.SystemMemory) => new ExperienceSettingsText { SystemMemory = value },
            nameof(ExperienceSettingsText.AllowHostMounts) => new ExperienceSettingsText { AllowHostMounts = value },
            nameof(ExperienceSettingsText.KeepContainers) => new ExperienceSettingsText { KeepContainers = value },
            _ => new ExperienceSettingsText { Name = value },
        };

        Assert.Equal([problem], Parse(text).Problems);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("C:x")]
    [InlineData("bell\a")]
    public void A_name_that_is_not_one_plain_folder_name_is_refused(string name)
    {
        Assert.Single(Parse(new() { Name = name }).Problems);
    }

    [Fact]
    public void Each_bad_environment_entry_and_an_empty_GPU_are_problems_of_their_own_R9_R13()
    {
        var problems = Parse(new() { Environment = ["SCENARIO", "=4", "GOOD=1"], SystemGpus = ["0", " "] }).Problems;

        Assert.Equal(
            [
                "Environment has the entry \"SCENARIO\", which is not NAME=value (R9); write each entry as NAME=value.",
                "Environment has the entry \"=4\", which is not NAME=value (R9); write each entry as NAME=value.",
                "SystemGpus has an empty entry; list the IDs of the system's GPUs, such as 0 (R13).",
            ],
            problems);
    }

    [Fact]
    public void The_subject_names_the_setting_where_the_user_wrote_it()
    {
        var problem = Assert.Single(ExperienceSettingsParser.Parse(new() { TimeoutSeconds = "soon" }, Base, s => $"the RESIM_{s.ToUpperInvariant()} variable").Problems);

        Assert.StartsWith("the RESIM_TIMEOUTSECONDS variable is \"soon\", which", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_takes_what_a_layer_leaves_unset_from_the_layer_below_and_puts_its_environment_last()
    {
        var pipeline = new ExperienceSettingsText { Profile = "hil", Environment = ["SCENARIO=highway", "RIG=bench-2"], TimeoutSeconds = "900", KeepContainers = "1" };
        var item = new ExperienceSettingsText { Environment = ["SCENARIO=parking"], TimeoutSeconds = "90", SystemGpus = ["0"] };

        var combined = item.Over(pipeline);

        Assert.Equal(("hil", "90", "1"), (combined.Profile, combined.TimeoutSeconds, combined.KeepContainers));
        Assert.Equal(["SCENARIO=highway", "RIG=bench-2", "SCENARIO=parking"], combined.Environment);
        Assert.Equal(["0"], combined.SystemGpus);
        Assert.Equal(new Dictionary<string, string> { ["RIG"] = "bench-2", ["SCENARIO"] = "parking" }, Parse(combined).Settings.Environment);
    }

    [Fact]
    public void A_blank_value_leaves_the_layer_below_in_force()
    {
        var combined = new ExperienceSettingsText { Profile = " ", TimeoutSeconds = "" }.Over(new() { Profile = " hil ", TimeoutSeconds = "900" });

        Assert.Equal(("hil", "900"), (combined.Profile, combined.TimeoutSeconds));
    }

    private static ParsedSettings Parse(ExperienceSettingsText text) => ExperienceSettingsParser.Parse(text, Base, setting => setting);
}
