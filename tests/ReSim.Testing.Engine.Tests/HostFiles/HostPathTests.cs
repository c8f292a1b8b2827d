using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.Engine.Tests.HostFiles;

/// <summary>A host path resolved as the kernel resolves it when it mounts it.</summary>
public sealed class HostPathTests : IDisposable
{
    private readonly HostFolder folder = new();

    [Fact]
    public void Links_are_followed_at_every_step_and_dot_dot_applies_after_the_link_before_it()
    {
        Directory.CreateDirectory(folder.Combine("real/inner"));
        folder.Link("relative", "real/inner");
        folder.Link("absolute", "/proc/self");

        Assert.Equal(folder.Combine("real/inner"), HostPath.Resolve(folder.Combine("relative")));
        Assert.Equal(folder.Combine("real"), HostPath.Resolve(folder.Combine("relative/..")));
        Assert.Equal("/proc", HostPath.Resolve(folder.Combine("absolute/..")));
        Assert.Equal("/", HostPath.Resolve(folder.Path + "/../../../../../../.."));
        Assert.Equal(folder.Combine("real/not-yet/x"), HostPath.Resolve(folder.Combine("real/./not-yet//x")));
    }

    [Fact]
    public void A_loop_of_links_is_an_error_not_a_hang()
    {
        folder.Link("a", folder.Combine("b"));
        folder.Link("b", folder.Combine("a"));

        var error = Assert.Throws<IOException>(() => HostPath.Resolve(folder.Combine("a")));
        Assert.Contains("more than 40 symbolic links", error.Message);
    }

    public void Dispose() => folder.Dispose();
}
