using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Runtime;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R3 keys on the real engine: entrypoint, command, working_dir and labels reach the container as compose means them.</summary>
[RequiresEngine]
public sealed class R03ServiceKeysTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task Entrypoint_command_working_dir_and_labels_are_those_of_the_compose_file_R3()
    {
        var observer = new LiveObserver();
        // The entrypoint is sh -c, the command its script; the script checks its folder and waits until the test inspected it.
        var experience = engine.Experience($$"""
            services:
              test:
                image: {{TestEngine.Image}}
                labels:
                  resim.ai/isTestOrchestrator: "true"
                  team: robotics
                working_dir: /work/arm
                entrypoint: ["sh", "-c"]
                command:
                  - |
                    echo "in $$(pwd)"
                    [ "$$(pwd)" = /work/arm ] || exit 2
                    {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/inspected", then: "exit 0")}}
                    exit 3
            """);

        var running = engine.RunAsync(experience, observer);
        await observer.WaitForAsync("test", "started");
        var id = await observer.ContainerIdAsync("test");
        var labels = await DockerTestRun.InspectAsync(id, $"{{{{index .Config.Labels \"team\"}}}} {{{{index .Config.Labels \"{RunLabels.Marker}\"}}}} {{{{index .Config.Labels \"{RunLabels.Service}\"}}}}");
        await File.WriteAllTextAsync(Path.Combine(experience.Settings.ResultsDirectory!, "outputs", "inspected"), "done", RealEngine.Token);
        var result = await running;

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Equal("robotics true test", labels);
        Assert.Contains("in /work/arm", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
