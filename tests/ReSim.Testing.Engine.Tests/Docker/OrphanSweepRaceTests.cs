
namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>
/// R19 orphan sweeps racing each other: every run sweeps at its start, so runs starting together (parallel tests, several
/// test processes) sweep the same orphans at once. A sweep must never fail a run because another one got there first.
/// </summary>
[RequiresEngine]
public sealed class OrphanSweepRaceTests
{
    [Fact]
    public async Task Runs_sweeping_the_same_orphans_at_once_all_succeed_and_the_orphans_go_R19()
    {
        await using var dead = await DockerTestRun.StartAsync();
        await dead.LeaveBehindAsync(services: 3);
        await Task.Delay(DockerTestRun.SweepGrace, DockerTestRun.Token);
        var sweepers = Enumerable.Range(0, 4).Select(_ => DockerTestRun.Sweeper()).ToList();
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
