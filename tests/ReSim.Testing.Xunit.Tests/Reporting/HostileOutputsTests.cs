using System.Text;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Reporting;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.Reporting;

/// <summary>
/// On the real engine, a container fills /tmp/resim/outputs with links out of it, a FIFO, a device and names that collide
/// once flattened; attaching the outputs reads only the regular files inside, never hangs, and names everything left out.
/// </summary>
public sealed class HostileOutputsTests : IDisposable
{
    private const string Compose = $$"""
        services:
          test:
            image: {{TestEngine.Image}}
            labels: { resim.ai/isTestOrchestrator: "true" }
            command:
              - sh
              - -c
              - |
                cd /tmp/resim/outputs
                ln -s /etc/passwd passwd
                ln -s /dev/zero zero
                ln -s / root
                mkfifo fifo
                mknod null c 1 3
                mkdir a
                echo in-a-folder > a/b.txt
                echo flat > a_b.txt
                echo kept > result.txt
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("resim-hostile-outputs-").FullName;
    private readonly RecordingReport report = new();

    [RequiresEngine]
    [Fact(Timeout = 60_000)]
    public async Task Only_regular_files_inside_the_outputs_are_attached_each_under_its_own_name_and_each_left_out_entry_is_named()
    {
        await DockerEngine.RequireEngineAndImageAsync(TestContext.Current.CancellationToken);
        var composeFile = Path.Combine(folder, "compose.yml");
        await File.WriteAllTextAsync(composeFile, Compose, TestContext.Current.CancellationToken);
        var result = await ExperienceRunner.Shared.RunAsync(
            new ExperienceRequest { ComposeFile = composeFile, Settings = new() { ResultsDirectory = Path.Combine(folder, "results"), Timeout = TimeSpan.FromSeconds(30) } },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Verdict == ExperienceVerdict.Passed, result.Reason?.ToString());

        new ResultAttachments(report, maxOutputBytes: 1024, maxLogBytes: 1024).AttachAll(result);

        Assert.Equal(
            [("outputs_a_b.txt", "in-a-folder\n"), ("outputs_a_b~2.txt", "flat\n"), ("outputs_result.txt", "kept\n")],
            report.Attachments.Keys.Where(k => k.StartsWith(ResultAttachments.OutputPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(k => (k, Encoding.UTF8.GetString(report.Attachments[k].Content))));
        string[] warnings =
        [
            "ReSim warning: output 'fifo' was not attached: a named pipe (FIFO), never opened: reading one waits for a writer.",
            "ReSim warning: output 'null' was not attached: a device file, never opened.",
            "ReSim warning: output 'passwd' was not attached: a symbolic link to /etc/passwd, never followed, so nothing outside the outputs folder is read.",
            "ReSim warning: output 'root' was not attached: a symbolic link to /, never followed, so nothing outside the outputs folder is read.",
            "ReSim warning: output 'zero' was not attached: a symbolic link to /dev/zero, never followed, so nothing outside the outputs folder is read.",
        ];
        Assert.Equal(warnings, report.Lines.Where(l => l.StartsWith("ReSim warning:", StringComparison.Ordinal)));
        Assert.Contains("ReSim: output 'a_b.txt' is attached as outputs_a_b~2.txt, since another output is already attached as outputs_a_b.txt.", report.Lines);
        var note = report.Text(ResultAttachments.LeftOutNoteName);
        Assert.StartsWith("5 output(s) were not attached.", note);
        Assert.Equal(5, note.Split(Environment.NewLine).Length - 1);
        Assert.Equal(string.Empty, await DockerEngine.ObjectsOfRunAsync(result.RunId, TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
