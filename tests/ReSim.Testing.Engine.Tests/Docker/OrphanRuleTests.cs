using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R19: which runs the orphan sweep removes, from what the engine lists alone: a run lives exactly while its sandbox runs.</summary>
public sealed class OrphanRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_run_whose_sandbox_runs_lives_however_old_it_is()
    {
        var dead = OrphanRule.DeadRuns([("live", true, Now.AddDays(-3)), ("live", false, Now.AddDays(-3))], Now, Grace);

        Assert.Empty(dead);
    }

    [Fact]
    public void A_run_without_a_running_sandbox_whose_objects_are_all_older_than_the_grace_is_dead()
    {
        var dead = OrphanRule.DeadRuns(
            [("stopped", false, Now - Grace), ("stopped", false, Now.AddMinutes(-5)), ("volumes-only", false, Now.AddHours(-1))], Now, Grace);

        Assert.Equal(["stopped", "volumes-only"], dead.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_run_being_set_up_has_an_object_younger_than_the_grace_and_lives()
    {
        // Its sandbox is created but not yet started; a volume of it may be older than the grace on a slow engine.
        var dead = OrphanRule.DeadRuns([("starting", false, Now.AddSeconds(-1)), ("starting", false, Now.AddMinutes(-2))], Now, Grace);

        Assert.Empty(dead);
    }

    [Theory]
    [InlineData("running", true)]
    [InlineData("paused", true)]
    [InlineData("created", false)]
    [InlineData("exited", false)]
    [InlineData("dead", false)]
    [InlineData(null, false)]
    public void Only_a_running_or_paused_sandbox_holds_its_run(string? state, bool holds)
    {
        Assert.Equal(holds, OrphanRule.Holds(state));
    }
}
