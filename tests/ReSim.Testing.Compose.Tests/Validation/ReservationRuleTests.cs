using System.Collections.Immutable;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Validation;

/// <summary>R13: the reservations of all active services fit in the system; no GPU is shared.</summary>
public class ReservationRuleTests
{
    private static readonly SystemResources Small = new(2, 1024L * 1024 * 1024, ["gpu-a"]);

    private static ReSim.Testing.Compose.Loading.ComposeLoadResult Load(string first, string second, string? profile = null) =>
        ComposeText.Load(
            $"services:\n{ComposeText.Orchestrator}\n    deploy: {{resources: {{reservations: {first}}}}}\n  sim:\n    image: busybox:1.35\n    profiles: [sim]\n    deploy: {{resources: {{reservations: {second}}}}}\n",
            profile: profile ?? "sim",
            system: Small);

    [Theory]
    [InlineData("{cpus: \"1.5\"}", "{cpus: \"1\"}", DiagnosticCodes.CpuOverReserved)]
    [InlineData("{memory: 512m}", "{memory: 600m}", DiagnosticCodes.MemoryOverReserved)]
    [InlineData("{devices: [{capabilities: [gpu], count: 1}]}", "{devices: [{capabilities: [gpu], count: 1}]}", DiagnosticCodes.GpuOverReserved)]
    [InlineData("{devices: [{capabilities: [gpu], count: all}]}", "{devices: [{capabilities: [gpu], device_ids: [gpu-a]}]}", DiagnosticCodes.GpuOverReserved)]
    public void Reservations_above_the_system_are_an_error_naming_each_share_R13(string first, string second, string code)
    {
        var error = Assert.Single(Load(first, second).Errors);

        Assert.Equal(code, error.Code);
        Assert.Contains("orchestrator:", error.Message);
        Assert.Contains("sim:", error.Message);
    }

    [Theory]
    [InlineData("{cpus: \"1\", memory: 512m}", "{cpus: \"0.99\", memory: 511m}", "sim")]
    [InlineData("{cpus: \"1.5\", memory: 1000m, devices: [{capabilities: [gpu], count: all}]}", "{cpus: \"2\", memory: 1g, devices: [{capabilities: [gpu], count: 1}]}", "none")]
    [InlineData("{devices: [{capabilities: [gpu], device_ids: [gpu-a]}]}", "{devices: [{capabilities: [utility], count: 4}]}", "sim")]
    public void Reservations_that_fit_or_belong_to_inactive_services_are_fine_R13(string first, string second, string profile)
    {
        Assert.Empty(Load(first, second, profile).Errors);
    }

    [Theory]
    [InlineData("{cpus: \"1\"}", "{cpus: \"1\"}", DiagnosticCodes.CpuOverReserved)]
    [InlineData("{memory: 512m}", "{memory: 512m}", DiagnosticCodes.MemoryOverReserved)]
    public void Reservations_that_sum_up_to_exactly_the_system_are_an_error_as_the_platform_wants_less_R13(string first, string second, string code)
    {
        var error = Assert.Single(Load(first, second).Errors);

        Assert.Equal(code, error.Code);
        Assert.Contains("the sum must be less than that", error.Message);
        Assert.Contains("below the system's total", error.Hint);
    }

    [Fact]
    public void Reserving_every_gpu_of_the_system_is_fine_as_each_gpu_goes_to_one_service_R13()
    {
        Assert.Empty(Load("{devices: [{capabilities: [gpu], count: 1}]}", "{}").Errors);
    }

    [Fact]
    public void A_gpu_reserved_by_id_twice_or_absent_from_the_system_is_an_error_R13()
    {
        var result = ComposeText.Load(
            $"services:\n{ComposeText.Orchestrator}\n    deploy: {{resources: {{reservations: {{devices: [{{capabilities: [gpu], device_ids: [\"0\"]}}]}}}}}}\n  sim:\n    image: busybox:1.35\n    deploy: {{resources: {{reservations: {{devices: [{{capabilities: [gpu], device_ids: [\"0\"]}}]}}}}}}\n  other:\n    image: busybox:1.35\n    deploy: {{resources: {{reservations: {{devices: [{{capabilities: [gpu], device_ids: [\"9\"]}}]}}}}}}\n",
            system: ComposeText.System with { Gpus = ImmutableArray.Create("0", "1", "2") });

        Assert.Collection(
            result.Errors,
            shared => Assert.Contains("both reserve the GPU `0`", shared.Message),
            absent => Assert.Contains("`9`, which the system does not have", absent.Message));
    }

    [Fact]
    public void Count_all_on_a_system_without_gpus_is_an_error_R13()
    {
        var result = ComposeText.Load(
            $"services:\n{ComposeText.Orchestrator}\n    deploy: {{resources: {{reservations: {{devices: [{{capabilities: [gpu], count: all}}]}}}}}}\n",
            system: Small with { Gpus = [] });

        Assert.Contains("the system has 0", result.Single(DiagnosticCodes.GpuOverReserved).Message);
    }

    [Fact]
    public void The_default_system_is_this_machine()
    {
        var system = SystemResources.FromThisMachine();

        Assert.Equal(Environment.ProcessorCount, system.Cpus);
        Assert.True(system.MemoryBytes > 0);
    }
}
