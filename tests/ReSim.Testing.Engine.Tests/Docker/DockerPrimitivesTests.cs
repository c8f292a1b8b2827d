using Docker.DotNet.Models;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>The small pure pieces of the Docker runtime: endpoints, versions, image names, times, events.</summary>
public sealed class DockerPrimitivesTests
{
    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.47", "1.47")]
    [InlineData("1.99", "1.54")]
    public void The_api_version_is_the_lower_of_the_engines_and_the_clients_newest(string engine, string expected)
    {
        Assert.Equal(System.Version.Parse(expected), ApiVersionNegotiation.Choose(engine, new Uri("unix:///e.sock")));
    }

    [Fact]
    public void An_engine_older_than_Docker_20_10_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<ExperienceInfrastructureException>(() => ApiVersionNegotiation.Choose("1.40", new Uri("unix:///e.sock")));

        Assert.Contains("Update the engine", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("resim-testing/busybox:1.35", "resim-testing/busybox", "1.35")]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", "latest")]
    [InlineData("registry:5000/team/app:2", "registry:5000/team/app", "2")]
    [InlineData("app@sha256:abc", "app@sha256:abc", null)]
    public void A_pull_names_one_tag_and_an_untagged_image_means_latest(string image, string name, string? tag)
    {
        Assert.Equal((name, tag), ImagePuller.SplitTag(image));
    }

    [Theory]
    [InlineData("2026-11-28T12:26:55.123456789Z", 1_795_868_815_123_456_789L)]
    [InlineData("2026-11-28T12:26:55Z", 1_795_868_815_000_000_000L)]
    [InlineData("2026-11-28T13:26:55.5+01:00", 1_795_868_815_500_000_000L)]
    [InlineData("0001-01-01T00:00:00Z", null)]
    [InlineData("", null)]
    public void Docker_times_are_read_to_the_nanosecond(string text, long? expected)
    {
        Assert.Equal(expected, DockerTime.ParseNanoseconds(text));
    }

    [Fact]
    public void The_since_form_has_nine_fraction_digits()
    {
        Assert.Equal("1795868815.000000042", DockerTime.Since(1_795_868_815_000_000_042L));
    }

    [Theory]
    [InlineData("start", null, ContainerEventKind.Started, null)]
    [InlineData("die", "137", ContainerEventKind.Exited, 137)]
    [InlineData("health_status: healthy", null, ContainerEventKind.Healthy, null)]
    [InlineData("health_status: unhealthy", null, ContainerEventKind.Unhealthy, null)]
    public void Docker_events_of_service_containers_map_to_container_events(string action, string? exitCode, ContainerEventKind kind, int? code)
    {
        var attributes = new Dictionary<string, string> { [RunLabels.Service] = "robot", [RunLabels.Role] = "service" };
        if (exitCode is not null)
        {
            attributes["exitCode"] = exitCode;
        }

        var mapped = DockerEventMapper.Map(new Message
        {
            Type = "container", Action = action, Actor = new Actor { ID = "c1", Attributes = attributes }, TimeNano = 1_795_868_815_000_000_100L,
        });

        Assert.Equal(new ContainerEvent("c1", "robot", kind, DateTimeOffset.FromUnixTimeSeconds(1_795_868_815).AddTicks(1), code), mapped);
    }

    [Theory]
    [InlineData("sandbox", "start")]
    [InlineData("service", "kill")]
    public void The_sandbox_and_other_actions_are_left_out(string role, string action)
    {
        var attributes = new Dictionary<string, string> { [RunLabels.Service] = "robot", [RunLabels.Role] = role };

        Assert.Null(DockerEventMapper.Map(new Message { Type = "container", Action = action, Actor = new Actor { ID = "c1", Attributes = attributes } }));
    }
}
