using System.Threading.Channels;
using Microsoft.Build.Framework;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.MSBuild.Running;

namespace ReSim.Testing.MSBuild.Tests;

public sealed class ProgressObserverTests
{
    private static TimelineEntry Entry(string? service, string kind, string? detail) =>
        new(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3.04), service, kind, detail);

    [Theory]
    [InlineData("robot", "exited", "exit code 1", "[parking] +3.0 s robot exited (exit code 1)")]
    [InlineData(null, "verdict", "Passed", "[parking] +3.0 s experience verdict (Passed)")]
    [InlineData("robot", "started", null, "[parking] +3.0 s robot started")]
    [InlineData("robot", "created", "f56ac4071f9fe919c1d1e5dc6fc5115fbb450d58b7830c83aabe247faac4dcba", "[parking] +3.0 s robot created (f56ac4071f9f)")]
    public void A_state_change_is_one_concise_line_naming_experience_time_service_and_detail_R23(string? service, string kind, string? detail, string expected) =>
        Assert.Equal(expected, ProgressObserver.Format("parking", Entry(service, kind, detail)));

    [Fact]
    public void State_changes_are_queued_high_and_container_output_low()
    {
        var lines = Channel.CreateUnbounded<ProgressLine>();
        var observer = new ProgressObserver("parking", lines.Writer);

        observer.OnStateChange(Entry("robot", "started", null));
        observer.OnLogLine("robot", OutputChannel.StdErr, "warming up");

        Assert.True(lines.Reader.TryRead(out var state));
        Assert.True(lines.Reader.TryRead(out var output));
        Assert.Equal(MessageImportance.High, state.Importance);
        Assert.Equal(new ProgressLine("[parking] robot: warming up", MessageImportance.Low), output);
    }
}
