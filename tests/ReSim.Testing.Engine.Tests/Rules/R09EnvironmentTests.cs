using System.Collections.Immutable;
using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R9 on the real engine: the experience's variables are set in every service and win over the compose file's.</summary>
[RequiresEngine]
public sealed class R09EnvironmentTests : IAsyncDisposable
{
    // Each service checks its own environment with sh; the robot reports through the shared outputs folder (R11), so the
    // orchestrator's exit code carries both verdicts.
    private static readonly string Compose = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            environment: { MODE: compose, ONLY_COMPOSE: kept }
            command:
              - sh
              - -c
              - |
                echo "MODE=$$MODE ONLY_COMPOSE=$$ONLY_COMPOSE RUN_TAG=$$RUN_TAG"
                [ "$$MODE" = experience ] && [ "$$ONLY_COMPOSE" = kept ] && [ "$$RUN_TAG" = t42 ] || exit 3
                {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/robot-env")}}
                [ "$$(cat /tmp/resim/outputs/robot-env)" = "experience t42" ] || exit 4
          robot:
            image: {{TestEngine.Image}}
            environment: [MODE=robot-compose]
            command: ["sh", "-c", "echo \"$$MODE $$RUN_TAG\" > /tmp/resim/outputs/.robot-env && mv /tmp/resim/outputs/.robot-env /tmp/resim/outputs/robot-env; sleep 30"]
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task Experience_variables_win_over_the_compose_file_and_reach_every_service_R9()
    {
        var experience = engine.Experience(Compose).WithSettings(s => s with { Environment = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["MODE"] = "experience", ["RUN_TAG"] = "t42" }) });

        var result = await engine.RunAsync(experience);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Contains("MODE=experience ONLY_COMPOSE=kept RUN_TAG=t42", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_experience_variables_the_compose_values_stay_and_the_check_fails_R9()
    {
        var result = await engine.RunAsync(Compose);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.Equal(("test", (int?)3), (result.Reason!.Service, result.Reason.ExitCode));
        Assert.Contains("MODE=compose ONLY_COMPOSE=kept RUN_TAG=", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
