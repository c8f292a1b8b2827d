using System.Collections.Immutable;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Planning;
using static ReSim.Testing.Engine.Tests.Fixtures.Services;

namespace ReSim.Testing.Engine.Tests.Planning;

/// <summary>R13: GPUs are handed out from the system's list, never one to two services.</summary>
public sealed class GpuAssignerTests
{
    private static readonly ImmutableArray<string> FourGpus = ["0", "1", "2", "3"];

    [Fact]
    public void Counts_take_the_next_free_GPUs_in_compose_order_R13()
    {
        var assignment = GpuAssigner.Assign([Gpu("a", new() { Count = 1 }), Service("none"), Gpu("b", new() { Count = 2 })], FourGpus);

        Assert.Empty(assignment.Errors);
        Assert.Equal(["0"], assignment.DeviceIds["a"]);
        Assert.Equal(["1", "2"], assignment.DeviceIds["b"]);
        Assert.False(assignment.DeviceIds.ContainsKey("none"));
    }

    [Fact]
    public void Device_ids_take_exactly_those_and_a_later_count_skips_them_R13()
    {
        var assignment = GpuAssigner.Assign([Gpu("a", new() { DeviceIds = ["2"] }), Gpu("b", new() { Count = 3 })], FourGpus);

        Assert.Empty(assignment.Errors);
        Assert.Equal(["2"], assignment.DeviceIds["a"]);
        Assert.Equal(["0", "1", "3"], assignment.DeviceIds["b"]);
    }

    [Fact]
    public void Device_ids_already_given_to_another_service_are_an_error_R13()
    {
        var assignment = GpuAssigner.Assign([Gpu("a", new() { DeviceIds = ["1"] }), Gpu("b", new() { DeviceIds = ["1"] })], FourGpus);

        Assert.Contains("service 'b' reserves GPU(s) 1 that the system does not have free", Assert.Single(assignment.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Count_all_takes_every_free_GPU_and_leaves_none_for_the_next_R13()
    {
        var assignment = GpuAssigner.Assign([Gpu("a", new() { Count = DeviceRequest.AllDevices }), Gpu("b", new() { Count = 1 })], FourGpus);

        Assert.Equal(FourGpus, assignment.DeviceIds["a"]);
        Assert.Contains("service 'b' reserves 1 GPU(s) but only 0 are left", Assert.Single(assignment.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_GPU_reservation_on_a_system_without_GPUs_is_an_error_that_says_what_to_do_R13()
    {
        var error = Assert.Single(GpuAssigner.Assign([Gpu("sim", new() { Count = DeviceRequest.AllDevices })], []).Errors);

        Assert.Contains("service 'sim' reserves 1 GPU(s) but only 0 are left", error, StringComparison.Ordinal);
        Assert.Contains("ExperienceSettings.System", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_requests_without_the_gpu_capability_are_not_GPUs_R13()
    {
        var assignment = GpuAssigner.Assign([Gpu("a", new() { Count = 1, Capabilities = ["tpu"] })], FourGpus);

        Assert.Empty(assignment.DeviceIds);
        Assert.Empty(assignment.Errors);
    }

    private static ServiceDefinition Gpu(string name, DeviceRequest request) => Service(name) with
    {
        Resources = new ServiceResources(
            ResourceLimits.None,
            new ResourceReservations { Devices = [request.Capabilities.IsEmpty ? request with { Capabilities = ["gpu"] } : request] }),
    };
}
