using System.Formats.Tar;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>R12: the sandbox image is built offline, reproducibly, from the program alone.</summary>
public sealed class SandboxImageTests
{
    [Fact]
    public async Task The_tar_holds_only_the_executable_program_with_fixed_owner_and_time()
    {
        var program = PauseProgram.For("amd64")!;
        using var tar = SandboxImage.Tar(program);
        await using var reader = new TarReader(tar);

        var entry = await reader.GetNextEntryAsync(copyData: true, TestContext.Current.CancellationToken);

        Assert.NotNull(entry);
        Assert.Equal(("pause", TarEntryType.RegularFile, 0, 0), (entry.Name, entry.EntryType, entry.Uid, entry.Gid));
        Assert.Equal(DateTimeOffset.UnixEpoch, entry.ModificationTime);
        Assert.True(entry.Mode.HasFlag(UnixFileMode.UserExecute) && entry.Mode.HasFlag(UnixFileMode.OtherExecute));
        using var content = new MemoryStream();
        await entry.DataStream!.CopyToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(program, content.ToArray());
        Assert.Null(await reader.GetNextEntryAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_tag_names_the_architecture_and_a_hash_of_the_program_so_the_same_program_is_imported_once()
    {
        var amd64 = SandboxImage.TagFor("amd64", PauseProgram.For("amd64")!);

        Assert.Matches("^resim-testing/sandbox:amd64-[0-9a-f]{12}$", amd64);
        Assert.Equal(amd64, SandboxImage.TagFor("amd64", PauseProgram.For("amd64")!));
        Assert.NotEqual(amd64[^12..], SandboxImage.TagFor("arm64", PauseProgram.For("arm64")!)[^12..]);
        Assert.True(SandboxImage.Tar(PauseProgram.For("amd64")!).ToArray().SequenceEqual(SandboxImage.Tar(PauseProgram.For("amd64")!).ToArray()));
    }
}
