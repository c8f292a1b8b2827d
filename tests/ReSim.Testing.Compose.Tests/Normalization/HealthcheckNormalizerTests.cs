using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary><c>healthcheck</c> with its test as a string or a list (R2, R15).</summary>
public class HealthcheckNormalizerTests
{
    [Fact]
    public void A_string_test_becomes_cmd_shell_and_durations_are_parsed()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    healthcheck:\n      test: nc -z localhost 80\n      interval: 1m30s\n      timeout: 500ms\n      retries: 4\n      start_period: 1h\n      start_interval: 2s\n");

        result.AssertClean();
        var check = result.Service("robot").Healthcheck!;
        Assert.Equal(["CMD-SHELL", "nc -z localhost 80"], check.Test);
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(500), 4, TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)), (check.Interval, check.Timeout, check.Retries, check.StartPeriod, check.StartInterval));
    }

    [Fact]
    public void A_list_test_is_kept()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    healthcheck: {test: [CMD, curl, -f, http://localhost]}\n");

        Assert.Equal(["CMD", "curl", "-f", "http://localhost"], result.Service("robot").Healthcheck!.Test);
    }

    [Fact]
    public void Disable_turns_the_check_off()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    healthcheck: {disable: true}\n");

        Assert.True(result.Service("robot").Healthcheck!.IsDisabled);
    }

    [Theory]
    [InlineData("{test: [curl, x]}", DiagnosticCodes.InvalidValue)]
    [InlineData("{test: \"true\", interval: 10}", DiagnosticCodes.InvalidValue)]
    [InlineData("{test: \"true\", retries: many}", DiagnosticCodes.InvalidValue)]
    [InlineData("\"curl x\"", DiagnosticCodes.WrongType)]
    public void Malformed_health_checks_are_errors(string healthcheck, string code)
    {
        var result = ComposeText.LoadService($"  robot:\n    image: busybox:1.35\n    healthcheck: {healthcheck}\n");

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void An_unknown_health_check_option_warns()
    {
        var result = ComposeText.LoadService("  robot:\n    image: busybox:1.35\n    healthcheck: {test: \"true\", intervall: 1s}\n");

        Assert.Equal("services.robot.healthcheck.intervall", result.Single(DiagnosticCodes.IgnoredKey).Path);
    }
}
