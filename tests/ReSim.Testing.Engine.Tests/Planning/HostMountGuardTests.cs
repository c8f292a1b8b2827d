using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Tests.HostFiles;

namespace ReSim.Testing.Engine.Tests.Planning;

/// <summary>Host paths refused even with host mounts allowed, judged on the real filesystem after links and <c>..</c>.</summary>
public sealed class HostMountGuardTests : IDisposable
{
    private readonly HostFolder folder = new();

    [Theory]
    [InlineData("/", "is the host's root folder")]
    [InlineData("/proc", "is in /proc")]
    [InlineData("/proc/self/root", "is the host's root folder")]
    [InlineData("/sys/fs/cgroup", "is in /sys")]
    [InlineData("/dev", "is in /dev")]
    [InlineData("/dev/zero", "is in /dev")]
    [InlineData("/var/run/docker.sock", "is a socket")]
    [InlineData("/run/docker.sock", "is a socket")]
    [InlineData("/run", "is or holds the container engine's /run/docker.sock")]
    [InlineData("/var/lib/docker", "is or holds the container engine's /var/lib/docker")]
    [InlineData("/tmp/../etc/..", "is the host's root folder")]
    public void System_and_engine_paths_are_refused(string path, string reason)
    {
        var refusal = HostMountGuard.Refusal(path, out _);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal);
        Assert.StartsWith($"'{path}'", refusal);
    }

    [Fact]
    public void Links_and_dot_dot_that_lead_to_a_refused_path_are_refused_with_the_real_path_shown()
    {
        var toRoot = folder.Link("root", "/");
        var toSocket = folder.Link("docker", "/var/run/docker.sock");
        var toDevByDotDot = folder.Link("shm", "/dev/shm");

        Assert.Equal($"'{toRoot}' (which is '/') is the host's root folder, which is never mounted", HostMountGuard.Refusal(toRoot, out _));
        Assert.Contains("is a socket", HostMountGuard.Refusal(toSocket, out _));
        Assert.Equal($"'{toDevByDotDot}/..' (which is '/dev') is in /dev, the host's kernel and device files, which are never mounted", HostMountGuard.Refusal(toDevByDotDot + "/..", out _));
    }

    [Fact]
    public void Any_unix_socket_or_sock_file_is_refused_and_a_missing_path_is_named()
    {
        var socket = folder.Socket("agent");
        File.WriteAllText(folder.Combine("other.sock"), string.Empty);

        Assert.Contains("is a socket", HostMountGuard.Refusal(socket, out _));
        Assert.Contains("is a socket", HostMountGuard.Refusal(folder.Combine("other.sock"), out _));
        Assert.Equal($"'{folder.Combine("missing")}' does not exist; create it or fix the path", HostMountGuard.Refusal(folder.Combine("missing"), out _));
    }

    [Fact]
    public void An_ordinary_folder_is_allowed_and_mounted_from_its_real_path()
    {
        var data = Directory.CreateDirectory(folder.Combine("data")).FullName;
        var link = folder.Link("data-link", data);

        Assert.Null(HostMountGuard.Refusal(link, out var resolved));
        Assert.Equal(data, resolved);
    }

    public void Dispose() => folder.Dispose();
}
