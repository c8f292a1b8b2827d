using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Engine.Settings;
using ReSim.Testing.Engine.Tests.Launch;

namespace ReSim.Testing.Engine.Tests.Settings;

/// <summary>R7, R13: the system a user describes to a front end, each unset part taken from this machine.</summary>
public sealed class SystemResourcesChoiceTests : IDisposable
{
    private const string GpuReservation = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{LaunchFiles.Orchestrator}}
            deploy:
              resources:
                reservations:
                  devices: [{capabilities: [gpu], count: 1}]
        """;

    private readonly LaunchFiles files = new();

    [Fact]
    public void Nothing_set_means_this_machine_with_no_GPUs() => Assert.Null(SystemResourcesChoice.From(null, null, null));

    [Fact]
    public void Each_unset_part_is_this_machines_R7()
    {
        var machine = SystemResources.FromThisMachine();

        var gpusOnly = SystemResourcesChoice.From(null, null, ["gpu-0", " gpu-1 ", "gpu-0", ""])!;
        var cpusOnly = SystemResourcesChoice.From(2.5, null, null)!;

        Assert.Equal((machine.Cpus, machine.MemoryBytes), (gpusOnly.Cpus, gpusOnly.MemoryBytes));
        Assert.Equal(["gpu-0", "gpu-1"], gpusOnly.Gpus);
        Assert.Equal((2.5, machine.MemoryBytes), (cpusOnly.Cpus, cpusOnly.MemoryBytes));
        Assert.Empty(cpusOnly.Gpus);
    }

    [Fact]
    public void A_GPU_reservation_validates_when_the_system_has_GPUs_and_fails_without_R13()
    {
        var compose = files.Write(GpuReservation);

        var withGpu = ExperienceRunner.Load(new ExperienceRequest { ComposeFile = compose, Settings = new() { System = SystemResourcesChoice.From(null, null, ["gpu-0"]) } });
        var thisMachine = ExperienceRunner.Load(new ExperienceRequest { ComposeFile = compose });

        Assert.True(withGpu.CanRun, string.Join(Environment.NewLine, withGpu.Load.Errors));
        Assert.Equal(["gpu-0"], withGpu.Experience!.Settings.System!.Gpus);
        Assert.False(thisMachine.CanRun);
        Assert.Equal(DiagnosticCodes.GpuOverReserved, Assert.Single(thisMachine.Load.Errors).Code);
    }

    public void Dispose() => files.Dispose();
}
