using System.Diagnostics;
using System.Globalization;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>A kept run outlives its owner's hold, so the sweep asks whether that owner has ended (R19, keep switch).</summary>
public sealed class KeptRunsTests
{
    [Fact]
    public async Task A_kept_run_of_an_ended_process_on_this_host_is_swept_and_one_of_a_live_process_or_not_kept_is_not()
    {
        using var ended = Process.Start(new ProcessStartInfo("true"))!;
        await ended.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(KeptRuns.OwnerEnded(Labels(kept: true, ended.Id, Environment.MachineName)));
        Assert.False(KeptRuns.OwnerEnded(Labels(kept: true, Environment.ProcessId, Environment.MachineName)));
        Assert.False(KeptRuns.OwnerEnded(Labels(kept: false, ended.Id, Environment.MachineName)));
        Assert.False(KeptRuns.OwnerEnded(Labels(kept: true, ended.Id, "another-host")));
    }

    [Fact]
    public void Only_a_kept_run_s_sandbox_keeps_its_standard_input_open_when_the_owner_s_hold_goes()
    {
        var labels = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, RunLabels.For("run-1"));
        var spec = new SandboxSpec("run-1", "resim-run-1-sandbox", ["robot"], labels);

        Assert.True(CreateParameters.ForSandbox(spec, "sandbox:1").StdinOnce);
        Assert.False(CreateParameters.ForSandbox(spec with { Labels = labels.Add(RunLabels.Kept, "true") }, "sandbox:1").StdinOnce);
    }

    private static Dictionary<string, string> Labels(bool kept, int pid, string host)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RunLabels.OwnerProcess] = pid.ToString(CultureInfo.InvariantCulture),
            [RunLabels.OwnerHost] = host,
        };
        if (kept)
        {
            labels[RunLabels.Kept] = "true";
        }

        return labels;
    }
}
