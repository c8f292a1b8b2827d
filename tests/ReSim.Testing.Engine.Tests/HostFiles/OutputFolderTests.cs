using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Tests.HostFiles;

/// <summary>A run's outputs folder listed as regular files inside it only, bounded, every other entry named with why (R23).</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly HostFolder folder = new();

    [Fact]
    public void Links_fifos_sockets_and_devices_are_named_not_read_and_linked_folders_are_not_entered()
    {
        Directory.CreateDirectory(folder.Combine("maps"));
        File.WriteAllText(folder.Combine("maps/route.csv"), "1,2\n");
        folder.Link("etc", "/etc");
        folder.Link("passwd", "/etc/passwd");
        folder.Fifo("fifo");
        folder.Socket("agent.sock");

        var listing = OutputFolder.List(folder.Path, new OutputLimits(1000, 1000));

        Assert.Equal([("maps/route.csv", 4L)], listing.Files.Select(f => (f.RelativePath, f.Length)));
        Assert.Equal("1,2\n"u8.ToArray(), listing.Files[0].ReadAllBytes());
        Assert.Equal(
            [
                new SkippedOutput("agent.sock", "a socket, never opened"),
                new SkippedOutput("etc", "a symbolic link to /etc, never followed, so nothing outside the outputs folder is read"),
                new SkippedOutput("fifo", "a named pipe (FIFO), never opened: reading one waits for a writer"),
                new SkippedOutput("passwd", "a symbolic link to /etc/passwd, never followed, so nothing outside the outputs folder is read"),
            ],
            listing.Skipped);
    }

    [Fact]
    public void Each_file_the_total_the_entries_and_the_depth_are_bounded_and_what_is_past_a_bound_is_named()
    {
        File.WriteAllBytes(folder.Combine("a-big.bin"), new byte[60]);
        File.WriteAllBytes(folder.Combine("b.bin"), new byte[30]);
        File.WriteAllBytes(folder.Combine("c.bin"), new byte[30]);
        File.WriteAllBytes(folder.Combine("d.bin"), new byte[5]);
        Directory.CreateDirectory(folder.Combine("e/f/g"));
        File.WriteAllBytes(folder.Combine("e/f/g/deep.bin"), new byte[1]);

        var listing = OutputFolder.List(folder.Path, new OutputLimits(MaxFileBytes: 50, MaxTotalBytes: 40, MaxEntries: 7, MaxDepth: 2));

        Assert.Equal(["b.bin", "d.bin"], listing.Files.Select(f => f.RelativePath));
        Assert.Equal(
            [
                new SkippedOutput("a-big.bin", "60 bytes, more than the limit of 50 bytes for one file"),
                new SkippedOutput("c.bin", "30 bytes, past the limit of 40 bytes for all outputs together"),
                new SkippedOutput("e/f/g", "a folder deeper than 2 levels, not entered"),
            ],
            listing.Skipped);
    }

    [Fact]
    public void Past_the_entry_limit_every_remaining_entry_is_named()
    {
        foreach (var name in new[] { "1", "2", "3", "4" })
        {
            File.WriteAllText(folder.Combine(name), name);
        }

        var listing = OutputFolder.List(folder.Path, new OutputLimits(100, 100, MaxEntries: 2));

        Assert.Equal(["1", "2"], listing.Files.Select(f => f.RelativePath));
        Assert.Equal(["3", "4"], listing.Skipped.Select(s => s.RelativePath));
        Assert.All(listing.Skipped, s => Assert.Equal("past the limit of 2 entries examined", s.Reason));
    }

    [Fact]
    public void A_missing_outputs_folder_lists_as_empty()
    {
        var listing = OutputFolder.List(folder.Combine("none"), new OutputLimits(100, 100));

        Assert.Empty(listing.Files);
        Assert.Empty(listing.Skipped);
    }

    public void Dispose() => folder.Dispose();
}
