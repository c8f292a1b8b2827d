using ReSim.Testing.Engine;
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
        Assert.Equal(new Dictionary<string, string> { ["SCENARIO"] = "parking", ["SEED"] = "4" }, request.Environment);
        Assert.Equal(Path.Combine(Project, "experiences", "parking"), request.InputsDirectory);
        Assert.Equal(TimeSpan.FromMinutes(10), request.Timeout);
        Assert.Equal(("compose-sim", "compose-sim"), (experience.Name, request.Name));
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
        Assert.Null(request.InputsDirectory);
        Assert.Empty(request.Environment);
        Assert.Equal(Experience.DefaultTimeout, request.Timeout);
        Assert.Equal("compose", experience.Name);
    }

    [Fact]
    public void An_environment_value_may_contain_equals_signs_and_a_trailing_semicolon_is_ignored_R9()
    {
        var request = ExperienceItemReader.Read(ComposeItems.Experience("c.yml", ("Environment", "URL=http://a?b=c; EMPTY=;")), Project, out _)?.Request;

        Assert.NotNull(request);
        Assert.Equal("http://a?b=c", request.Environment["URL"]);
        Assert.Equal(string.Empty, request.Environment["EMPTY"]);
    }

    [Theory]
    [InlineData("Environment", "SCENARIO", "Environment entry 'SCENARIO'")]
    [InlineData("Environment", "=4", "Environment entry '=4'")]
    [InlineData("TimeoutSeconds", "ten", "TimeoutSeconds 'ten'")]
    [InlineData("TimeoutSeconds", "-5", "TimeoutSeconds '-5'")]
    [InlineData("TimeoutSeconds", "0", "TimeoutSeconds '0'")]
    [InlineData("SystemCpus", "many", "SystemCpus 'many' is not a positive number")]
    [InlineData("SystemCpus", "-1", "SystemCpus '-1'")]
    [InlineData("SystemMemory", "16x", "SystemMemory '16x' is not a memory size")]
    [InlineData("AllowHostMounts", "yes", "AllowHostMounts 'yes' is not true or false")]
    [InlineData("Name", "..", "Name '..' cannot name the experience's results folder. A Name is one plain folder name")]
    [InlineData("Name", ".", "Name '.' cannot name")]
    [InlineData("Name", "/", "Name '/' cannot name")]
    [InlineData("Name", "a/../..", "Name 'a/../..' cannot name")]
    [InlineData("Name", "/home/me", "Name '/home/me' cannot name")]
    [InlineData("Name", "a\\b", "Name 'a\\b' cannot name")]
    [InlineData("Name", "C:x", "Name 'C:x' cannot name")]
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

        Assert.Equal((8.0, 16L << 30), (full!.System!.Cpus, full.System.MemoryBytes));
        Assert.Equal(["0", "GPU-b"], full.System.Gpus);
        Assert.Equal((machine.Cpus, machine.MemoryBytes), (gpusOnly!.System!.Cpus, gpusOnly.System.MemoryBytes));
    }

    [Fact]
    public void Without_system_metadata_the_system_is_this_machine_with_no_GPUs_R13()
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("c.yml"), Project, out _);

        Assert.Null(experience!.Request.System);
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
        Assert.Equal(expected, experience!.Request.AllowHostMounts);
    }

    [Fact]
    public void Name_metadata_overrides_the_default_name()
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("compose.yml", ("Name", "parking"), ("Profile", "sim")), Project, out _);

        Assert.Equal("parking", experience?.Name);
    }
}
