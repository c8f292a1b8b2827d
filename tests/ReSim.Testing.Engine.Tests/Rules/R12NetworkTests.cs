using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Tests.Docker;

namespace ReSim.Testing.Engine.Tests.Rules;

/// <summary>R12 on the real engine: one shared network namespace, services reached by name, port clashes, nothing published.</summary>
[RequiresEngine]
public sealed class R12NetworkTests : IAsyncDisposable
{
    private readonly RealEngine engine = new();

    [Fact]
    public async Task Services_reach_each_other_by_service_name_over_http_and_tcp_R12()
    {
        var result = await engine.RunAsync($$"""
            services:
              web:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "mkdir -p /www && echo hello-web > /www/index.html && httpd -f -p 8080 -h /www"]
              echo:
                image: {{TestEngine.Image}}
                command: ["sh", "-c", "while true; do echo pong | nc -l -p 9000; done"]
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command:
                  - sh
                  - -c
                  - |
                    for i in $$(seq 100); do page=$$(wget -q -O - http://web:8080/) && break; sleep 0.1; done
                    for i in $$(seq 100); do reply=$$(nc echo 9000 </dev/null) && [ -n "$$reply" ] && break; sleep 0.1; done
                    echo "page=$$page reply=$$reply"
                    [ "$$page" = hello-web ] && [ "$$reply" = pong ]
            """);

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.Contains("page=hello-web reply=pong", RealEngine.Log(result, "test"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_services_listening_on_one_port_clash_as_on_the_platform_R12()
    {
        var result = await engine.RunAsync($$"""
            services:
              first:
                image: {{TestEngine.Image}}
                command: ["httpd", "-f", "-p", "8080"]
              second:
                image: {{TestEngine.Image}}
                command: ["httpd", "-f", "-p", "8080"]
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command: ["sleep", "30"]
            """);

        Assert.Equal(ExperienceVerdict.Failed, result.Verdict);
        Assert.True(result.Reason!.Service is "first" or "second", result.Reason.ToString());
        Assert.NotEqual(0, result.Reason.ExitCode);
        Assert.Contains(result.Reason.Log.StdErr, line => line.Contains("Address already in use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Network_mode_host_is_the_experiences_namespace_and_nothing_is_published_R12()
    {
        var engineSide = new LiveObserver();
        var experience = engine.Experience($$"""
            services:
              sim:
                image: {{TestEngine.Image}}
                network_mode: host
                command: ["sh", "-c", "ip link > /tmp/resim/outputs/.sim-links && mv /tmp/resim/outputs/.sim-links /tmp/resim/outputs/sim-links; httpd -f -p 8081 -h /tmp/resim/outputs"]
              test:
                image: {{TestEngine.Image}}
                {{RealEngine.Orchestrator}}
                command:
                  - sh
                  - -c
                  - |
                    for i in $$(seq 100); do wget -q -O /dev/null http://sim:8081/sim-links && wget -q -O /dev/null http://127.0.0.1:8081/sim-links && break; sleep 0.1; done
                    wget -q -O - http://sim:8081/sim-links | grep -q docker0 && exit 7
                    {{ComposeSnippets.WaitForFile("/tmp/resim/outputs/inspected", then: "exit 0")}}
                    exit 8
            """);
        var outputs = Path.Combine(experience.Settings.ResultsDirectory!, "outputs");

        var running = engine.RunAsync(experience, engineSide);
        var inspections = new List<string>();
        foreach (var service in new[] { "sim", "test" })
        {
            await engineSide.WaitForAsync(service, "started");
            var id = await engineSide.ContainerIdAsync(service);
            inspections.Add(await DockerTestRun.InspectAsync(id, "{{.HostConfig.NetworkMode}} {{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}"));
        }

        var sandbox = inspections[0].Split(' ')[0]["container:".Length..];
        inspections.Add("container:" + sandbox + " " + await DockerTestRun.InspectAsync(sandbox, "{{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}"));
        await File.WriteAllTextAsync(Path.Combine(outputs, "inspected"), "done", RealEngine.Token);
        var result = await running;

        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());
        Assert.All(inspections, inspection => Assert.Matches("^container:[0-9a-f]{64} ({}|null) ({}|null)$", inspection));
        Assert.Single(inspections.Select(i => i.Split(' ')[0]).Distinct());
        Assert.Equal(3, inspections.Count);
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();
}
