using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R11 on the real engine: the inputs folder (read-only), the shared outputs folder (kept) and test_config.json.</summary>
[RequiresEngine]
public sealed class R11ExperienceFoldersTests : IAsyncDisposable
{
    private static readonly string Compose = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            command:
              - sh
              - -c
              - |
                [ "$$(cat /tmp/resim/inputs/scenario.txt)" = "route 66" ] || exit 2
                touch /tmp/resim/inputs/written 2>/dev/null && exit 3
                location=$$(sed -n 's/.*"experienceLocation": *"\([^"]*\)".*/\1/p' /tmp/resim/test_config.json)
                echo "experienceLocation=$$location"
                [ -f "$$location/scenario.txt" ] || exit 4
                echo from-test > /tmp/resim/outputs/test.txt
                {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/robot.txt")}}
                [ "$$(cat /tmp/resim/outputs/robot.txt)" = from-robot ] || exit 5
          robot:
            image: {{TestEngine.Image}}
            command: ["sh", "-c", "cat /tmp/resim/inputs/scenario.txt; echo from-robot > /tmp/resim/outputs/.robot.txt && mv /tmp/resim/outputs/.robot.txt /tmp/resim/outputs/robot.txt; sleep 30"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task Every_service_reads_the_inputs_cannot_write_them_and_shares_an_outputs_folder_kept_after_the_run_R11()
    {
        var inputs = engine.NewFolder();
        Directory.CreateDirectory(inputs);
        await File.WriteAllTextAsync(Path.Combine(inputs, "scenario.txt"), "route 66\n", RealEngine.Token);

        var result = await engine.RunAsync(engine.Experience(Compose).WithSettings(s => s with { InputsDirectory = inputs }));

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal("from-test\n", await File.ReadAllTextAsync(Path.Combine(result.OutputsDirectory, "test.txt"), RealEngine.Token));
        Assert.Equal("from-robot\n", await File.ReadAllTextAsync(Path.Combine(result.OutputsDirectory, "robot.txt"), RealEngine.Token));
        Assert.Equal(["scenario.txt"], Directory.GetFiles(inputs).Select(Path.GetFileName));
        Assert.Contains("experienceLocation=/tmp/resim/inputs", RealEngine.Log(result, "test"), StringComparison.Ordinal);
        Assert.Contains("route 66", RealEngine.Log(result, "robot"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_inputs_folder_is_an_error_naming_it_before_any_container_starts_R11()
    {
        var missing = Path.Combine(engine.NewFolder(), "no-such-inputs");
        var observer = new LiveObserver();

        var result = await engine.RunAsync(engine.Experience(Compose).WithSettings(s => s with { InputsDirectory = missing }), observer);

        Assert.Equal(ExperienceVerdict.Error, result.Verdict);
        Assert.Contains(missing, result.Reason!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(observer.Changes, c => c.Kind == "created");
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
