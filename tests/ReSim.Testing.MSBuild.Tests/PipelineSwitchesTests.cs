using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Settings;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Running;
using ReSim.Testing.MSBuild.Tests.Fakes;

namespace ReSim.Testing.MSBuild.Tests;

/// <summary>The properties a pipeline sets on the command line (<c>-p:ComposeExperienceProfile=hil</c> ...) apply to every item that does not set its own.</summary>
public sealed class PipelineSwitchesTests
{
    private readonly FakeBuildEngine engine = new();
    private readonly ScriptedExecutor executor = new((r, f, _, _) => System.Threading.Tasks.Task.FromResult(new ExperienceOutcome(r, ExperienceVerdict.Passed, null, [], f)));

    private RunComposeExperience Task(params Microsoft.Build.Framework.ITaskItem[] items) =>
        new(executor) { BuildEngine = engine, Experiences = items, ResultsDirectory = "/consumer/obj/resim", ProjectDirectory = "/consumer" };

    [Fact]
    public void The_pipeline_s_profile_environment_and_timeout_fill_what_an_item_leaves_empty_and_the_item_s_own_win_R8_R9_R18()
    {
        using var task = Task(
            ComposeItems.Experience("exp/compose.yml"),
            ComposeItems.Experience("exp/parking.yml", ("Profile", "sim"), ("Environment", "SEED=4"), ("TimeoutSeconds", "60")));
        task.DefaultProfile = "hil";
        task.AdditionalEnvironment = "SEED=7;RIG=bench-2";
        task.DefaultTimeoutSeconds = "900";

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var (plain, own) = (executor.Runs[0].Experience.Request, executor.Runs[1].Experience.Request);
        Assert.Equal(2, executor.Runs.Count);
        Assert.Equal(("hil", "compose-hil"), (plain.Profile, plain.Settings.Name));
        Assert.Equal(new Dictionary<string, string> { ["RIG"] = "bench-2", ["SEED"] = "7" }, plain.Settings.Environment);
        Assert.Equal(TimeSpan.FromSeconds(900), plain.Settings.Timeout);
        Assert.Equal(("sim", "parking-sim"), (own.Profile, own.Settings.Name));
        Assert.Equal(new Dictionary<string, string> { ["RIG"] = "bench-2", ["SEED"] = "4" }, own.Settings.Environment);
        Assert.Equal(TimeSpan.FromSeconds(60), own.Settings.Timeout);
    }

    [Fact]
    public void Names_select_experiences_by_name_with_wildcards_ignoring_case_in_item_order()
    {
        using var task = Task(
            ComposeItems.Experience("exp/compose.yml", ("Profile", "sim")),
            ComposeItems.Experience("exp/compose.yml", ("Profile", "hil")),
            ComposeItems.Experience("exp/parking.yml", ("Name", "Parking-Lot")));
        task.Names = "parking-*; COMPOSE-SIM";

        Assert.True(task.Execute());

        Assert.Equal(["Parking-Lot", "compose-sim"], executor.Runs.Select(r => r.Experience.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["exp/compose.yml", "exp/parking.yml"], task.Results.Select(r => r.ItemSpec));
    }

    [Fact]
    public void A_name_that_matches_nothing_fails_with_RSIM107_listing_the_names_there_are_and_runs_nothing()
    {
        using var task = Task(ComposeItems.Experience("exp/compose.yml", ("Profile", "sim")), ComposeItems.Experience("exp/parking.yml"));
        task.Names = "compose-sim;hil";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RSIM107", error.Code);
        Assert.Equal("ComposeExperienceNames: 'hil' matches no experience. The experiences are: compose-sim, parking. Name them as listed, with * for any characters.", error.Message);
        Assert.Empty(executor.Runs);
    }

    [Theory]
    [InlineData(null, "SEED", "The ComposeExperienceEnvironment property (-p:ComposeExperienceEnvironment=\"NAME=value%3BOTHER=value\", %3B being a ';' on the command line, or RESIM_ENVIRONMENT) has the entry \"SEED\", which is not NAME=value (R9); write each entry as NAME=value.")]
    [InlineData("0", null, "The ComposeExperienceTimeoutSeconds property (-p:ComposeExperienceTimeoutSeconds, or RESIM_TIMEOUT_SECONDS) is \"0\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData("soon", null, "The ComposeExperienceTimeoutSeconds property (-p:ComposeExperienceTimeoutSeconds, or RESIM_TIMEOUT_SECONDS) is \"soon\", which is not a positive number of seconds (R18); write a number such as 600, or leave it out for the platform's hour.")]
    [InlineData(null, null, "The ComposeExperienceKeepContainers property (-p:ComposeExperienceKeepContainers, or RESIM_KEEP_CONTAINERS) is \"maybe\", which is not true or false; write true to keep the containers after the verdict, or leave it out.", "maybe")]
    public void An_invalid_pipeline_value_fails_with_RSIM104_naming_the_property_before_anything_runs(string? timeout, string? environment, string expected, string? keep = null)
    {
        using var task = Task(ComposeItems.Experience("exp/compose.yml"));
        task.DefaultTimeoutSeconds = timeout;
        task.AdditionalEnvironment = environment;
        task.KeepContainers = keep;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RSIM104", error.Code);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(executor.Runs);
    }

    [Fact]
    public void The_keep_switch_keeps_every_item_that_does_not_say_otherwise()
    {
        using var task = Task(ComposeItems.Experience("exp/compose.yml"), ComposeItems.Experience("exp/parking.yml", ("KeepContainers", "false")));
        task.KeepContainers = "true";

        Assert.True(task.Execute());

        Assert.Equal([true, false], executor.Runs.OrderBy(r => r.Experience.Name, StringComparer.Ordinal).Select(r => r.Experience.Request.Settings.KeepContainers));
    }

    [Theory]
    [InlineData("KeepContainers", "sometimes", "ComposeExperience 'exp/compose.yml': KeepContainers is \"sometimes\", which is not true or false; write true to keep the containers after the verdict, or leave it out.")]
    public void Invalid_keep_metadata_is_refused_with_RSIM104(string metadata, string value, string expected)
    {
        using var task = Task(ComposeItems.Experience("exp/compose.yml", (metadata, value)));

        Assert.False(task.Execute());

        Assert.StartsWith(expected, Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Profile", "hil", "The property 'Profile' (-p:Profile=hil) is not a ReSim switch and is ignored. Write -p:ComposeExperienceProfile=hil.")]
    [InlineData("environment", "RIG=bench-2;SEED=7", "The property 'Environment' (-p:Environment=RIG=bench-2%3BSEED=7) is not a ReSim switch and is ignored. Write -p:ComposeExperienceEnvironment=RIG=bench-2%3BSEED=7.")]
    [InlineData("Timeout", "900", "The property 'Timeout' (-p:Timeout=900) is not a ReSim switch and is ignored. Write -p:ComposeExperienceTimeoutSeconds=900.")]
    [InlineData("TimeoutSeconds", "900", "The property 'TimeoutSeconds' (-p:TimeoutSeconds=900) is not a ReSim switch and is ignored. Write -p:ComposeExperienceTimeoutSeconds=900.")]
    [InlineData("KeepContainers", "true", "The property 'KeepContainers' (-p:KeepContainers=true) is not a ReSim switch and is ignored. Write -p:ComposeExperienceKeepContainers=true.")]
    public void A_command_line_property_named_like_a_switch_is_warning_RSIM109_naming_the_switch_and_the_run_goes_on(string property, string value, string expected)
    {
        engine.GlobalProperties[property] = value;
        using var task = Task(ComposeItems.Experience("exp/compose.yml"));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("RSIM109", expected), (warning.Code, warning.Message));
        var request = Assert.Single(executor.Runs).Experience.Request;
        Assert.Equal((null, ExperienceSettings.DefaultTimeout, false), (request.Profile, request.Settings.Timeout, request.Settings.KeepContainers));
    }

    [Fact]
    public void A_property_named_like_a_switch_is_not_warned_about_when_the_switch_is_set_too()
    {
        engine.GlobalProperties["Profile"] = "Release-x64";
        using var task = Task(ComposeItems.Experience("exp/compose.yml"));
        task.DefaultProfile = "hil";

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal("hil", Assert.Single(executor.Runs).Experience.Request.Profile);
    }

    [Fact]
    public void Without_pipeline_values_an_item_is_read_as_written()
    {
        var experience = ExperienceItemReader.Read(ComposeItems.Experience("compose.yml"), "/consumer", ExperienceSettingsText.None, out var error);

        Assert.Null(error);
        Assert.Equal((null, "compose", ExperienceSettings.DefaultTimeout), (experience!.Request.Profile, experience.Name, experience.Request.Settings.Timeout));
        Assert.Empty(experience.Request.Settings.Environment);
    }
}
