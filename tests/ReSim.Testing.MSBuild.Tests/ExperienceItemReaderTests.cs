using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Tests.Fakes;

namespace ReSim.Testing.MSBuild.Tests;

public sealed class ExperienceItemReaderTests
{
    private static readonly string Project = Path.Combine(Path.GetTempPath(), "consumer");

    [Fact]
    public void Metadata_of_the_issue_example_is_read_into_a_request_R7()
    {
        var item = ComposeItems.Experience(
            "experiences/compose.yml",
            ("Profile", "sim"),
            ("Environment", "SCENARIO=parking;SEED=4"),
            ("Inputs", "experiences/parking"),
            ("TimeoutSeconds", "600"));

        var experience = ExperienceItemReader.Read(item, Project, out var error);

        Assert.Null(error);
        Assert.NotNull(experience);
        var request = experience.Request;
        Assert.Equal(Path.Combine(Project, "experiences", "compose.yml"), request.ComposeFile);
        Assert.Equal("sim", request.Profile);
        Assert.Equal(new Dictionary<string, string> { ["SCENARIO"] = "parking", ["SEED"] = "4" }, request.Settings.Environment);
        Assert.Equal(Path.Combine(Project, "experiences", "parking"), request.Settings.InputsDirectory);
        Assert.Equal(TimeSpan.FromMinutes(10), request.Settings.Timeout);
        Assert.Equal(("compose-sim", "compose-sim"), (experience.Name, request.Settings.Name));
        Assert.Equal("experiences/compose.yml", experience.ItemSpec);
    }

    [Fact]
    public void An_item_without_metadata_gets_no_profile_no_inputs_and_the_platform_timeout_R7_R18()
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("compose.yml"), Project, out var error);

        Assert.Null(error);
        Assert.NotNull(experience);
        var request = experience.Request;
        Assert.Null(request.Profile);
        Assert.Null(request.Settings.InputsDirectory);
        Assert.Empty(request.Settings.Environment);
        Assert.Equal(ExperienceSettings.DefaultTimeout, request.Settings.Timeout);
        Assert.Equal("compose", experience.Name);
    }

    [Fact]
    public void An_environment_value_may_contain_equals_signs_and_a_trailing_semicolon_is_ignored_R9()
    {
        var request = ExperienceItemReader.Read(ComposeItems.Experience("c.yml", ("Environment", "URL=http://a?b=c; EMPTY=;")), Project, out _)?.Request;

        Assert.NotNull(request);
        Assert.Equal("http://a?b=c", request.Settings.Environment["URL"]);
        Assert.Equal(string.Empty, request.Settings.Environment["EMPTY"]);
    }

    [Theory]
    [InlineData("Environment", "SCENARIO", "Environment has the entry \"SCENARIO\", which is not NAME=value (R9)")]
    [InlineData("Environment", "=4", "Environment has the entry \"=4\", which is not NAME=value (R9)")]
    [InlineData("TimeoutSeconds", "ten", "TimeoutSeconds is \"ten\"")]
    [InlineData("TimeoutSeconds", "-5", "TimeoutSeconds is \"-5\"")]
    [InlineData("TimeoutSeconds", "0", "TimeoutSeconds is \"0\"")]
    [InlineData("SystemCpus", "many", "SystemCpus is \"many\", which is not a positive number")]
    [InlineData("SystemCpus", "-1", "SystemCpus is \"-1\"")]
    [InlineData("SystemMemory", "16x", "SystemMemory is \"16x\", which is not a memory size")]
    [InlineData("AllowHostMounts", "yes", "AllowHostMounts is \"yes\", which is not true or false")]
    [InlineData("Name", "..", "Name is \"..\", which cannot name the experience's results folder; write one plain folder name")]
    [InlineData("Name", ".", "Name is \".\", which cannot name")]
    [InlineData("Name", "/", "Name is \"/\", which cannot name")]
    [InlineData("Name", "a/../..", "Name is \"a/../..\", which cannot name")]
    [InlineData("Name", "/home/me", "Name is \"/home/me\", which cannot name")]
    [InlineData("Name", "a\\b", "Name is \"a\\b\", which cannot name")]
    [InlineData("Name", "C:x", "Name is \"C:x\", which cannot name")]
    public void Invalid_metadata_is_refused_with_a_message_naming_the_item_and_the_value(string metadata, string value, string expected)
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("exp/compose.yml", (metadata, value)), Project, out var error);

        Assert.Null(experience);
        Assert.NotNull(error);
        Assert.Contains("ComposeExperience 'exp/compose.yml'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void System_metadata_gives_the_system_each_unset_part_this_machines_R7_R13()
    {
        var machine = Compose.Model.SystemResources.FromThisMachine();
        var full = ExperienceItemReader.Read(ComposeItems.Experience("c.yml", ("SystemCpus", "8"), ("SystemMemory", "16g"), ("SystemGpus", "0; GPU-b;")), Project, out _)?.Request;
        var gpusOnly = ExperienceItemReader.Read(ComposeItems.Experience("c.yml", ("SystemGpus", "0")), Project, out _)?.Request;

        Assert.Equal((8.0, 16L << 30), (full!.Settings.System!.Cpus, full.Settings.System.MemoryBytes));
        Assert.Equal(["0", "GPU-b"], full.Settings.System.Gpus);
        Assert.Equal((machine.Cpus, machine.MemoryBytes), (gpusOnly!.Settings.System!.Cpus, gpusOnly.Settings.System.MemoryBytes));
    }

    [Fact]
    public void Without_system_metadata_the_system_is_this_machine_with_no_GPUs_R13()
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("c.yml"), Project, out _);

        Assert.Null(experience!.Request.Settings.System);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void AllowHostMounts_metadata_opts_in_to_host_mounts_which_are_off_by_default(string? value, bool expected)
    {
        var item = value is null ? ComposeItems.Experience("compose.yml") : ComposeItems.Experience("compose.yml", ("AllowHostMounts", value));

        var experience = ExperienceItemReader.Read(item, Project, out var error);

        Assert.Null(error);
        Assert.Equal(expected, experience!.Request.Settings.AllowHostMounts);
    }

    [Fact]
    public void Name_metadata_overrides_the_default_name()
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("compose.yml", ("Name", "parking"), ("Profile", "sim")), Project, out _);

        Assert.Equal("parking", experience?.Name);
    }
}
