using System.Diagnostics;
using System.Globalization;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>
/// R19 orphan sweeps racing each other: every run sweeps at its start, so runs starting together (parallel tests, several
/// test processes) sweep the same orphans at once. A sweep must never fail a run because another one got there first.
/// </summary>
public sealed class OrphanSweepRaceTests
{
    [Fact]
    public async Task Runs_sweeping_the_same_orphans_at_once_all_succeed_and_the_orphans_go_R19()
    {
        await using var dead = await DockerTestRun.StartAsync();
        // The owner lives while the objects are made (other tests' runs sweep too), and dies just before the sweeps.
        using var owner = Process.Start(new ProcessStartInfo("sleep", "60")) ?? throw new InvalidOperationException("could not start `sleep`");
        var labels = dead.Labels("volume").SetItem(RunLabels.OwnerProcess, owner.Id.ToString(CultureInfo.InvariantCulture));
        var sandbox = await dead.Runtime.CreateSandboxAsync(new SandboxSpec(dead.RunId, dead.NameOf("sandbox"), [], labels.SetItem(RunLabels.Role, "sandbox")), DockerTestRun.Token);
        for (var i = 0; i < 3; i++)
        {
            var volume = $"resim-{dead.RunId}-data{i}";
            await dead.Runtime.CreateVolumeAsync(new VolumeSpec(volume, labels), DockerTestRun.Token);
            await dead.StartServiceAsync(dead.Service($"user{i}", sandbox, "sleep 30") with
            {
                Labels = labels.SetItem(RunLabels.Role, "service").SetItem(RunLabels.Service, $"user{i}"),
                Mounts = [new MountSpec(MountKind.Volume, volume, "/data", ReadOnly: false)],
            });
        }

        owner.Kill();
        await owner.WaitForExitAsync(DockerTestRun.Token);
        var sweepers = Enumerable.Range(0, 4).Select(_ => new DockerRuntime()).ToList();
        try
        {
            await Task.WhenAll(sweepers.Select(s => s.ConnectAsync(DockerTestRun.Token)));

            await Task.WhenAll(sweepers.Select(s => s.RemoveOrphansAsync(DockerTestRun.Token)));

            // What one sweep left to another still removing it goes with that one, or with the next sweep.
            var left = await dead.LeftoversAsync();
            for (var i = 0; i < 50 && left.Length > 0; i++)
            {
                await Task.Delay(100, DockerTestRun.Token);
                await sweepers[0].RemoveOrphansAsync(DockerTestRun.Token);
                left = await dead.LeftoversAsync();
            }

            Assert.Equal(string.Empty, left);
        }
        finally
        {
            foreach (var sweeper in sweepers)
            {
                await sweeper.DisposeAsync();
            }
        }
    }
}
