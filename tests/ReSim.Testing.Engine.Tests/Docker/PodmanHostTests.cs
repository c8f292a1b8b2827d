using System.Text.Json;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Podman's own <c>/libpod/info</c> tells what its Docker-compatible <c>/info</c> hides: a rootless engine without cgroup controllers.</summary>
public sealed class PodmanHostTests
{
    [Fact]
    public void Rootless_Podman_without_cgroup_controllers_cannot_limit_or_measure_and_says_which_are_missing()
    {
        // As rootless Podman 4.3.1 answered on this machine's cgroups v1 (only the fields read here).
        using var info = JsonDocument.Parse("""{"host":{"cgroupManager":"cgroupfs","cgroupVersion":"v1","cgroupControllers":[],"security":{"rootless":true}}}""");

        var limitation = Assert.Single(PodmanHost.Limitations(info.RootElement));

        Assert.Contains("rootless Podman without the cpu, memory, pids cgroup controllers", limitation, StringComparison.Ordinal);
        Assert.Contains("(R13)", limitation, StringComparison.Ordinal);
        Assert.Contains("(R22)", limitation, StringComparison.Ordinal);
    }

    [Fact]
    public void Rootless_Podman_missing_one_controller_names_that_one()
    {
        using var info = JsonDocument.Parse("""{"host":{"cgroupControllers":["cpu","memory"],"security":{"rootless":true}}}""");

        Assert.Contains("without the pids cgroup controller (", Assert.Single(PodmanHost.Limitations(info.RootElement)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"host":{"cgroupControllers":[],"security":{"rootless":false}}}""")]
    [InlineData("""{"host":{"cgroupControllers":["cpuset","cpu","io","memory","pids"],"security":{"rootless":true}}}""")]
    [InlineData("""{"host":{}}""")]
    [InlineData("""{}""")]
    public void Rootful_Podman_or_one_with_the_controllers_has_no_limitation(string json)
    {
        using var info = JsonDocument.Parse(json);

        Assert.Empty(PodmanHost.Limitations(info.RootElement));
    }
}
