using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>Which engine answered, and the pure parts of what differs on it.</summary>
public sealed class EngineCapabilitiesTests
{
    [Fact]
    public void An_engine_whose_version_lists_a_Podman_Engine_component_is_Podman_and_any_other_is_Docker()
    {
        var podman = new VersionResponse { Components = [new ComponentVersion { Name = "Podman Engine", Version = "4.3.1" }] };
        var docker = new VersionResponse { Components = [new ComponentVersion { Name = "Engine", Version = "20.10.24" }] };

        Assert.Same(EngineCapabilities.Podman, EngineCapabilities.Of(podman));
        Assert.Same(EngineCapabilities.Docker, EngineCapabilities.Of(docker));
        Assert.Same(EngineCapabilities.Docker, EngineCapabilities.Of(new VersionResponse()));
    }

    [Fact]
    public void Images_made_on_Podman_are_filed_under_localhost_and_on_Docker_as_named()
    {
        Assert.Equal("localhost/resim-testing/sandbox:amd64-1", EngineCapabilities.Podman.LocalImage("resim-testing/sandbox:amd64-1"));
        Assert.Equal("resim-testing/sandbox:amd64-1", EngineCapabilities.Docker.LocalImage("resim-testing/sandbox:amd64-1"));
    }

    [Theory]
    [InlineData(null, "0", "nvidia.com/gpu=0")]
    [InlineData("nvidia", "GPU-3f2a", "nvidia.com/gpu=GPU-3f2a")]
    [InlineData("amd.com", "1", "amd.com/gpu=1")]
    public void Gpus_become_CDI_device_names(string? driver, string id, string expected) =>
        Assert.Equal(expected, EngineCapabilities.CdiDevice(driver, id));

    [Fact]
    public void Podmans_500_container_state_improper_means_not_running_but_only_on_Podman()
    {
        var improper = new DockerApiException(HttpStatusCode.InternalServerError, """{"cause":"container state improper","message":"can only kill running containers"}""");
        var conflict = new DockerApiException(HttpStatusCode.Conflict, """{"message":"is not running"}""");

        Assert.True(EngineCapabilities.Podman.IsNotRunning(improper));
        Assert.False(EngineCapabilities.Docker.IsNotRunning(improper));
        Assert.True(EngineCapabilities.Docker.IsNotRunning(conflict));
        Assert.True(EngineCapabilities.Podman.IsNotRunning(conflict));
    }

    [Theory]
    [InlineData("ubuntu", RegistryCredentials.DockerHub)]
    [InlineData("team/app:1", RegistryCredentials.DockerHub)]
    [InlineData("docker.io/team/app", RegistryCredentials.DockerHub)]
    [InlineData("registry.example.com/team/app:1", "registry.example.com")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000")]
    [InlineData("localhost/app", "localhost")]
    public void Credentials_are_looked_up_by_the_registry_of_the_image(string image, string registry) =>
        Assert.Equal(registry, RegistryCredentials.RegistryOf(image));
}
