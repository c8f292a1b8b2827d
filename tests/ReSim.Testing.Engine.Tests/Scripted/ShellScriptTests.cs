namespace ReSim.Testing.Engine.Tests.Scripted;

/// <summary>The shell form of a script, which lets the lifecycle suite run on a real engine.</summary>
public sealed class ShellScriptTests
{
    [Fact]
    public void Each_start_becomes_a_case_of_a_start_counter_and_the_last_one_repeats()
    {
        var program = ShellScript.For([StartScript.Run.Print("it's early").Exit(1), StartScript.Run.PrintError("up").Wait(250).Healthy()]);

        Assert.Equal(
            "trap 'exit 143' TERM; n=$(( $(cat /tmp/resim-starts 2>/dev/null || echo 0) + 1 )); echo $n > /tmp/resim-starts; case $n in " +
            "1) echo 'it'\\''s early'; exit 1;; " +
            "*) echo 'up' >&2; sleep 0.25; touch /tmp/resim-healthy; while true; do sleep 1 & wait $!; done;; esac",
            program);
    }

    [Fact]
    public void No_script_runs_until_stopped()
    {
        Assert.EndsWith("*) while true; do sleep 1 & wait $!; done;; esac", ShellScript.For([]), StringComparison.Ordinal);
    }
}
