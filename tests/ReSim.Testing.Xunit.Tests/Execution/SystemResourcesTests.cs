using System.Collections.Immutable;
using ReSim.Testing.Configuration;
using ReSim.Testing.Discovery;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Settings;
using ReSim.Testing.Execution;
using ReSim.Testing.Sdk;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.Execution;

/// <summary>R7, R13: the system set on the attribute reaches the real loader and the experience.</summary>
public sealed class SystemResourcesTests : IDisposable
{
    private const string GpuReservation = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            labels: { resim.ai/isTestOrchestrator: "true" }
            deploy:
              resources:
                reservations:
                  devices: [{capabilities: [gpu], count: 1}]
        """;

    private readonly ResultFolder folder = new();
    private readonly RecordingReport report = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_GPU_reservation_validates_and_runs_with_SystemGpus_set_R13()
    {
        var engine = new ScriptedEngine(_ => folder.Result(ExperienceVerdict.Passed));

        var outcome = await Executor(engine).RunAsync(Spec(new() { SystemGpus = ["gpu-0"], SystemCpus = "4" }), typeof(SystemResourcesTests).Assembly, CancellationToken.None);

        Assert.Null(outcome.Failure);
        var system = Assert.Single(engine.Runs).Settings.System!;
        Assert.Equal(["gpu-0"], system.Gpus);
        Assert.Equal(4, system.Cpus);
    }

    [Fact]
    public async Task Without_SystemGpus_the_same_reservation_fails_with_RSIM082_and_nothing_runs_R13()
    {
        var engine = new ScriptedEngine(_ => folder.Result(ExperienceVerdict.Passed));

        var outcome = await Executor(engine).RunAsync(Spec(), typeof(SystemResourcesTests).Assembly, CancellationToken.None);

        var failure = Assert.IsType<ExperienceSetupException>(outcome.Failure);
        Assert.Contains("RSIM082", failure.Message);
        Assert.Empty(engine.Runs);
    }

    private ExperienceTestSpec Spec(ExperienceSettingsText? settings = null)
    {
        var compose = Path.Combine(folder.Path, "gpu.yml");
        File.WriteAllText(compose, GpuReservation);
        return new ExperienceTestSpec(compose, (settings ?? ExperienceSettingsText.None) with { TimeoutSeconds = "60" });
    }

    private ExperienceTestExecutor Executor(ScriptedEngine engine) =>
        new(new ExperienceServices(ExperienceRunner.Load, engine.RunAsync, new ExperienceSlots(_ => new ParallelLimit(4, "a test"))), report);
}
