using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Short forms become long forms; supported keys are kept (R2, R3).</summary>
public class ServiceNormalizerTests
{
    [Fact]
    public void Command_and_entrypoint_strings_are_split_and_lists_kept()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    entrypoint: /bin/sh -c\n    command: [\"echo hi\"]\n");

        result.AssertClean();
        Assert.Equal(["/bin/sh", "-c"], result.Service("robot").Entrypoint!.Value);
        Assert.Equal(["echo hi"], result.Service("robot").Command!.Value);
    }

    [Fact]
    public void An_absent_command_keeps_the_image_default_and_an_empty_list_overrides_it()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n  b:\n    image: busybox:1.35\n    command: []\n");

        Assert.Null(result.Service("a").Command);
        Assert.Empty(result.Service("b").Command!.Value);
    }

    [Fact]
    public void A_quoted_number_is_a_command_and_a_plain_one_is_a_wrong_type()
    {
        var result = ComposeText.LoadService("  a:\n    image: busybox:1.35\n    command: \"5\"\n  b:\n    image: busybox:1.35\n    command: 5\n");

        var error = result.Single(DiagnosticCodes.WrongType);
        Assert.Equal("services.b.command", error.Path);
        Assert.Contains("the number 5", error.Message);
    }

    [Fact]
    public void Working_dir_network_mode_and_profiles_are_kept_R12_R8()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    working_dir: /work\n    network_mode: host\n    profiles: [sim, replay]\n");

        var robot = result.Service("robot");
        Assert.Equal(("/work", "host"), (robot.WorkingDir, robot.NetworkMode));
        Assert.Equal(["sim", "replay"], robot.Profiles);
    }

    [Fact]
    public void Profiles_as_a_string_is_a_wrong_type()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    profiles: sim\n");

        Assert.Equal("services.robot.profiles", result.Single(DiagnosticCodes.WrongType).Path);
    }

    [Fact]
    public void A_service_that_is_not_a_mapping_is_a_wrong_type()
    {
        var result = ComposeText.LoadService("  robot: busybox:1.35\n");

        Assert.Contains("`robot`", result.Single(DiagnosticCodes.WrongType).Message);
    }

    [Fact]
    public void Extension_keys_in_a_service_are_ignored_silently_R2()
    {
        ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    x-owner: team-a\n").AssertClean();
    }

    [Fact]
    public void The_model_is_null_when_normalizing_failed_and_kept_when_only_validation_failed()
    {
        Assert.Null(ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    restart: sometimes\n").Model);
        Assert.NotNull(ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    depends_on: [ghost]\n").Model);
    }

    [Fact]
    public void An_image_empty_after_interpolation_is_an_error_R3()
    {
        var result = ComposeText.LoadService("  robot:\n    image: ${ROBOT_IMAGE}\n");

        Assert.Contains("is empty", result.Single(DiagnosticCodes.MissingImage).Message);
        Assert.Equal(DiagnosticSeverity.Warning, result.Single(DiagnosticCodes.UnsetVariable).Severity);
    }
}
