using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Service <c>volumes</c>, short <c>src:dst[:ro]</c> or long (R2, R10).</summary>
public class VolumeMountNormalizerTests
{
    private static ComposeLoadResultView Load(string volumes) =>
        new(ComposeText.Load($"services:\n{ComposeText.Orchestrator}\n  robot:\n    image: busybox:1.35\n    volumes: {volumes}\nvolumes:\n  data:\n"));

    [Fact]
    public void Short_and_long_named_volumes_give_the_same_mount()
    {
        var shortForm = Load("[\"data:/data:ro\"]");
        var longForm = Load("[{type: volume, source: data, target: /data, read_only: true}]");

        shortForm.Result.AssertClean();
        Assert.Equal(new VolumeMount(VolumeMountType.Volume, "data", "/data", ReadOnly: true), shortForm.Mount);
        Assert.Equal(shortForm.Mount, longForm.Mount);
    }

    [Theory]
    [InlineData("[\"/cache\"]", VolumeMountType.Volume, null, "/cache", false)]
    [InlineData("[\"/cache:ro\"]", VolumeMountType.Volume, null, "/cache", true)]
    [InlineData("[\"data:/data:rw,nocopy\"]", VolumeMountType.Volume, "data", "/data", false)]
    [InlineData("[{type: tmpfs, target: /tmp}]", VolumeMountType.Tmpfs, null, "/tmp", false)]
    public void Anonymous_named_and_tmpfs_mounts_are_read(string volumes, VolumeMountType type, string? source, string target, bool readOnly)
    {
        Assert.Equal(new VolumeMount(type, source, target, readOnly), Load(volumes).Mount);
    }

    [Theory]
    [InlineData("[\"./maps:/maps:ro\"]")]
    [InlineData("[{type: bind, source: ./maps, target: /maps, read_only: true}]")]
    public void A_bind_mount_is_resolved_against_the_file_folder_kept_in_the_model_and_warned_about(string volumes)
    {
        var view = Load(volumes);

        Assert.Equal(new VolumeMount(VolumeMountType.Bind, Path.GetFullPath("/project/maps"), "/maps", ReadOnly: true), view.Mount);
        var warning = view.Result.Single(DiagnosticCodes.BindMount);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("./maps", warning.Message);
    }

    [Fact]
    public void The_bind_mount_warning_says_it_is_not_mounted_how_the_platform_gets_data_in_and_names_the_opt_in()
    {
        var warning = Load("[\"./maps:/maps\"]").Result.Single(DiagnosticCodes.BindMount);

        Assert.Equal(
            $"`volumes[0]` of service `robot` bind-mounts the host path `./maps` (`{Path.GetFullPath("/project/maps")}`): host paths are not mounted by default, "
                + "since the ReSim platform has none of your host paths, so the service runs without this mount.",
            warning.Message);
        Assert.Equal(
            "Get data in as the platform does: put input files in the experience's inputs folder (`Inputs`, mounted read-only at /tmp/resim/inputs), "
                + "or use a named volume declared under the top-level `volumes`. To mount it for local runs only, opt in with "
                + "`[ComposeExperience(..., AllowHostMounts = true)]` or `AllowHostMounts=\"true\"` on the `ComposeExperience` item; "
                + "the host's `/`, `/proc`, `/sys`, `/dev` and the container engine's socket are refused even then.",
            warning.Hint);
    }

    [Fact]
    public void A_named_volume_gives_no_bind_mount_warning()
    {
        Load("[\"data:/data\"]").Result.AssertNo(DiagnosticCodes.BindMount);
    }

    [Theory]
    [InlineData("[\"a:b:c:d\"]", DiagnosticCodes.InvalidValue)]
    [InlineData("[{type: npipe, target: /x}]", DiagnosticCodes.InvalidValue)]
    [InlineData("[{type: volume, source: data}]", DiagnosticCodes.WrongType)]
    [InlineData("[5]", DiagnosticCodes.WrongType)]
    [InlineData("data:/data", DiagnosticCodes.WrongType)]
    public void Malformed_volumes_are_errors(string volumes, string code)
    {
        Assert.Equal(code, Assert.Single(Load(volumes).Result.Errors).Code);
    }

    /// <summary>The result and the robot's single mount, when there is one.</summary>
    private sealed record ComposeLoadResultView(ReSim.Testing.Compose.Loading.ComposeLoadResult Result)
    {
        public VolumeMount? Mount => Result.Model?.Services.Single(s => s.Name == "robot").Volumes.SingleOrDefault();
    }
}
