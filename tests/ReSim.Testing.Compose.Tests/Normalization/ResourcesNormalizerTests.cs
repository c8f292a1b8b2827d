using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary><c>deploy.resources</c>: limits, reservations and GPU devices (R13).</summary>
public class ResourcesNormalizerTests
{
    private static ServiceResources Resources(string deploy, out ReSim.Testing.Compose.Loading.ComposeLoadResult result)
    {
        result = ComposeText.LoadService($"  robot:\n    image: busybox:1.35\n    deploy: {deploy}\n");
        return result.Model?.Services.Single(s => s.Name == "robot").Resources ?? ServiceResources.None;
    }

    [Fact]
    public void Limits_and_reservations_are_read_with_units()
    {
        var resources = Resources("{resources: {limits: {cpus: \"1.5\", memory: 512m, pids: 64}, reservations: {cpus: 0.25, memory: 1g}}}", out var result);

        result.AssertClean();
        Assert.Equal(new ResourceLimits(1.5, 536_870_912, 64), resources.Limits);
        Assert.Equal((0.25, 1_073_741_824L), (resources.Reservations.Cpus!.Value, resources.Reservations.MemoryBytes!.Value));
    }

    [Theory]
    [InlineData("count: 2", 2)]
    [InlineData("count: all", DeviceRequest.AllDevices)]
    [InlineData("driver: nvidia", DeviceRequest.AllDevices)]
    public void A_gpu_request_counts_devices_with_count_or_all(string field, int count)
    {
        var resources = Resources($"{{resources: {{reservations: {{devices: [{{capabilities: [gpu], {field}}}]}}}}}}", out var result);

        result.AssertClean();
        var device = Assert.Single(resources.Reservations.Devices);
        Assert.True(device.IsGpu);
        Assert.Equal(count, device.Count);
    }

    [Fact]
    public void A_gpu_request_may_name_device_ids()
    {
        var resources = Resources("{resources: {reservations: {devices: [{driver: nvidia, capabilities: [gpu, utility], device_ids: [\"1\"]}]}}}", out var result);

        result.AssertClean();
        var device = Assert.Single(resources.Reservations.Devices);
        Assert.Equal(("nvidia", (int?)null), (device.Driver, device.Count));
        Assert.Equal(["1"], device.DeviceIds);
    }

    [Theory]
    [InlineData("{resources: {reservations: {devices: [{capabilities: [gpu], count: 1, device_ids: [\"0\"]}]}}}", DiagnosticCodes.InvalidValue)]
    [InlineData("{resources: {reservations: {devices: [{count: 1}]}}}", DiagnosticCodes.WrongType)]
    [InlineData("{resources: {reservations: {devices: [{capabilities: [gpu], count: some}]}}}", DiagnosticCodes.InvalidValue)]
    [InlineData("{resources: {limits: {cpus: lots}}}", DiagnosticCodes.InvalidValue)]
    [InlineData("{resources: {limits: {cpus: \"-1\"}}}", DiagnosticCodes.InvalidValue)]
    [InlineData("{resources: {limits: {memory: 1q}}}", DiagnosticCodes.InvalidValue)]
    [InlineData("{resources: {limits: 2}}", DiagnosticCodes.WrongType)]
    [InlineData("[resources]", DiagnosticCodes.WrongType)]
    public void Malformed_resources_are_errors(string deploy, string code)
    {
        Resources(deploy, out var result);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("{replicas: 2}", "services.robot.deploy.replicas")]
    [InlineData("{resources: {reservations: {generic_resources: []}}}", "services.robot.deploy.resources.reservations.generic_resources")]
    public void Other_deploy_keys_are_ignored_with_a_warning_R3(string deploy, string path)
    {
        Resources(deploy, out var result);

        Assert.Equal(path, result.Single(DiagnosticCodes.IgnoredKey).Path);
    }
}
