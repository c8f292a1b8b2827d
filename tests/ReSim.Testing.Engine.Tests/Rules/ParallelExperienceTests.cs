using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>Several experiences at once on one engine (R12, R19): own namespaces, names, volumes and outputs; nothing collides.</summary>
[RequiresEngine]
public sealed class ParallelExperienceTests : IAsyncDisposable
{
    // Both experiences listen on port 8080 and use a volume named data: in separate namespaces and runs, neither clashes.
    private const string Compose = $$"""
        services:
          web:
            image: {{TestEngine.Image}}
            volumes: [data:/www]
            command: ["sh", "-c", "echo $$RUN_NAME > /www/index.html; httpd -f -p 8080 -h /www"]
          test:
            image: {{TestEngine.Image}}
            {{RealEngine.Orchestrator}}
            command:
              - sh
              - -c
              - |
                for i in $$(seq 100); do page=$$(wget -q -O - http://web:8080/) && [ -n "$$page" ] && break; sleep 0.1; done
                echo "$$page" > /tmp/resim/outputs/page.txt
                [ "$$page" = "$$RUN_NAME" ] && sleep 1
        volumes:
          data: {}
        """;

    private readonly RealEngine engine = new();

    [Fact]
    public async Task Two_experiences_on_one_runtime_at_once_do_not_collide_R12_R19()
    {
        var results = await Task.WhenAll(RunAsync(engine, "one"), RunAsync(engine, "two"));

        Assert.All(results, r => Assert.True(r.Verdict == ExperienceVerdict.Passed, r.Reason?.ToString()));
        Assert.NotEqual(results[0].RunId, results[1].RunId);
        Assert.Equal(["one\n", "two\n"], results.Select(r => File.ReadAllText(Path.Combine(r.OutputsDirectory, "page.txt"))));
    }

    [Fact]
    public async Task Two_experiences_on_two_runtimes_at_once_do_not_collide_R12_R19()
    {
        await using var other = new RealEngine();

        var results = await Task.WhenAll(RunAsync(engine, "one"), RunAsync(other, "two"));

        Assert.All(results, r => Assert.True(r.Verdict == ExperienceVerdict.Passed, r.Reason?.ToString()));
        Assert.Equal(["one\n", "two\n"], results.Select(r => File.ReadAllText(Path.Combine(r.OutputsDirectory, "page.txt"))));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private static Task<ExperienceResult> RunAsync(RealEngine on, string name) =>
        on.RunAsync(on.Experience(Compose).WithSettings(s => s with { Environment = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("RUN_NAME", name) }));
}
